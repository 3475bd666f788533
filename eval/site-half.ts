import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../cli/encoding';

/**
 * Which site a saved page is from, and which half of the sites it falls in. The dev pages are
 * split by site so a mechanism developed on one half's failures can be checked on the other
 * half, whose sites it was not made on.
 */
const SECOND_LEVEL = /^(com|net|org|gov|edu|ac|co)$/;

/** The registrable part of a host: news.sina.com.tw → sina.com.tw, big5.xinhuanet.com → xinhuanet.com. */
export function siteOfHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const tld = labels.at(-1)!;
  const keep = tld.length === 2 && SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

const ADDRESS = /(?:<link[^>]+rel=["']?canonical["']?[^>]*href=["']?|<meta[^>]+property=["']og:url["'][^>]*content=["']?|<base[^>]+href=["']?)(https?:\/\/[^"'\s>]+)/i;
const LINK = /(?:href|src)\s*=\s*["']?https?:\/\/([^/"'\s>:]+)/gi;

/** The page's own address where it states one, else the host most of its absolute links point to. */
export function siteOfPage(html: string): string {
  const stated = ADDRESS.exec(html.slice(0, 200_000))?.[1];
  if (stated) {
    try {
      return siteOfHost(new URL(stated).hostname);
    } catch {
      // not an address after all
    }
  }
  const counts = new Map<string, number>();
  for (const m of html.slice(0, 500_000).matchAll(LINK)) {
    const site = siteOfHost(m[1]!);
    counts.set(site, (counts.get(site) ?? 0) + 1);
  }
  let best = 'unknown';
  let most = 0;
  for (const [site, n] of counts) if (n > most) [best, most] = [site, n];
  return best;
}

function siteHash(site: string): string {
  return createHash('sha256').update(site).digest('hex');
}

/**
 * Splits sites into halves A and B: largest site first (ties in the order of a hash of the
 * site, so the split is the same on every machine), each to the half with fewer pages so far,
 * so a few big sites do not leave one half with most of the pages.
 */
export function splitSites(pagesBySite: Map<string, number>): Map<string, 'A' | 'B'> {
  const out = new Map<string, 'A' | 'B'>();
  const size = { A: 0, B: 0 };
  const order = (a: string, b: string) => pagesBySite.get(b)! - pagesBySite.get(a)! || (siteHash(a) < siteHash(b) ? -1 : 1);
  for (const site of [...pagesBySite.keys()].sort(order)) {
    const half = size.A <= size.B ? 'A' : 'B';
    out.set(site, half);
    size[half] += pagesBySite.get(site)!;
  }
  return out;
}

/** Each page of a folder (`<id>.html`) with its site and the half of the sites it falls in. */
export function pageHalves(dir: string, ids: string[]): Map<string, { site: string; half: 'A' | 'B' }> {
  const siteOf = new Map(ids.map((id) => [id, siteOfPage(decode(readFileSync(join(dir, `${id}.html`))).text)]));
  const pagesBySite = new Map<string, number>();
  for (const site of siteOf.values()) pagesBySite.set(site, (pagesBySite.get(site) ?? 0) + 1);
  const halves = splitSites(pagesBySite);
  return new Map(ids.map((id) => [id, { site: siteOf.get(id)!, half: halves.get(siteOf.get(id)!)! }]));
}
