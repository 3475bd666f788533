/**
 * Access to the sites an article's pictures come from. Host access is optional: it is asked
 * for those sites only, the first time the reader saves an article with pictures from them
 * (the request must come from the click itself); a site already granted is not asked again.
 */
function pictureSitePatterns(sources: string[]): string[] {
  const patterns = new Set<string>();
  for (const src of sources) {
    try {
      const { protocol, hostname } = new URL(src);
      patterns.add(`${protocol}//${hostname}/*`);
    } catch {
      // not an address: nothing to ask for
    }
  }
  return [...patterns];
}

/** From a click: asks for the picture sites not granted yet; true when all are granted. */
export async function askPictureAccess(sources: string[]): Promise<boolean> {
  const origins = pictureSitePatterns(sources);
  if (!origins.length) return false;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

/** Without a click (the save shortcut and menu): whether every picture site is granted already. */
export async function hasPictureAccess(sources: string[]): Promise<boolean> {
  const origins = pictureSitePatterns(sources);
  return origins.length > 0 && (await browser.permissions.contains({ origins }).catch(() => false));
}
