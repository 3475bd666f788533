/**
 * Addresses inside the reader's own machine or network: loopback, private ranges, link-local.
 * A page from the web naming a picture there would have the extension (which holds host
 * access to keep pictures) reach the router or an intranet service for it.
 */
function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((n) => n <= 255) ? parts : null;
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(host)?.[1];
  const v4 = ipv4(mapped ?? host);
  if (v4) {
    const [a, b] = v4 as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  // Browsers read a bare number (http://2130706433/) as an IPv4 address.
  return /^(0x[0-9a-f]+|\d+)$/i.test(host);
}

/** Whether a picture may be fetched for a page: a private address only for a page that is itself there. */
export function mayFetchFor(pictureUrl: string, pageUrl: string | null | undefined): boolean {
  let picture: URL;
  try {
    picture = new URL(pictureUrl);
  } catch {
    return false;
  }
  if (!isPrivateHost(picture.hostname)) return true;
  try {
    return !!pageUrl && isPrivateHost(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}
