/**
 * Where a picture really is. Pages load pictures lazily: the address sits in an attribute
 * the page's own script reads later, and src holds a placeholder (a spinner, a 1×1 gif,
 * Discuz!'s none.gif). Discuz! attachments carry zoomfile (full size) and file; WeChat
 * 公众号 articles data-src (mmbiz.qpic.cn …?wx_fmt=jpeg); news CMSs data-original or a srcset.
 */
const LAZY_SOURCES = ['zoomfile', 'file', 'data-original', 'data-src', 'data-lazy-src', 'data-actualsrc', 'data-url'];
const LAZY_SRCSETS = ['data-srcset', 'srcset'];

/** A placeholder a page puts in src until its script swaps the real picture in. */
const PLACEHOLDER_FILE = /(?:none|blank|spacer|loading|lazy|grey|pixel)\.(?:gif|png)$/i;
const isPlaceholder = (value: string) => value.startsWith('data:') || PLACEHOLDER_FILE.test(value);

/** The widest candidate of a srcset ("a.jpg 480w, b.jpg 1080w" → b.jpg; "a.jpg 1x, b.jpg 2x" → b.jpg). */
export function bestSrcsetCandidate(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  // Candidates are separated by commas followed by whitespace; a URL itself may contain commas.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const m = /^(\d+(?:\.\d+)?)([wx])$/.exec(descriptor);
    // Widths and densities are not comparable; a width counts as its own scale.
    const size = m ? Number(m[1]) * (m[2] === 'x' ? 1000 : 1) : 1000;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url ?? null;
}

/** The address a reader would see for an <img>: the lazy source first, then the best srcset candidate, then src. */
export function pictureSource(img: Element): string | null {
  for (const name of LAZY_SOURCES) {
    const value = img.getAttribute(name)?.trim();
    if (value && !isPlaceholder(value)) return value;
  }
  for (const name of LAZY_SRCSETS) {
    const value = img.getAttribute(name);
    const best = value ? bestSrcsetCandidate(value) : null;
    if (best && !isPlaceholder(best)) return best;
  }
  // A data: src is kept as the page has it (the sanitizer decides); a placeholder file is no picture.
  const src = img.getAttribute('src')?.trim();
  return src && !PLACEHOLDER_FILE.test(src) ? src : null;
}
