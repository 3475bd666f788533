/**
 * Where a saved page came from, so rules for its site apply to a copy on disk: the
 * "saved from url" note browsers write when saving a page, else its canonical link or og:url.
 */
const SAVED_FROM = /^\s*saved from url=\(\d+\)(https?:\/\/\S+)\s*$/i;
const WEB = /^https?:\/\//i;

function savedFrom(doc: Document): string | null {
  // Browsers put the note before <html> or first in it; only the first few nodes are looked at.
  const near = [...[...doc.childNodes].slice(0, 10), ...[...(doc.documentElement?.childNodes ?? [])].slice(0, 10), ...[...(doc.head?.childNodes ?? [])].slice(0, 10)];
  for (const node of near) {
    if (node.nodeType !== 8) continue; // a comment
    const m = SAVED_FROM.exec((node.textContent ?? '').slice(0, 2100));
    if (m) return m[1]!;
  }
  return null;
}

export function statedAddress(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"][href]')?.getAttribute('href')?.trim();
  const og = doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content')?.trim();
  for (const candidate of [savedFrom(doc), canonical, og]) if (candidate && WEB.test(candidate) && candidate.length <= 2000) return candidate;
  return null;
}

/** The address a site rule is matched against: the page's own, or for a copy on disk the one it states. */
export function ruleAddress(doc: Document, url: string): string {
  return WEB.test(url) ? url : (statedAddress(doc) ?? url);
}
