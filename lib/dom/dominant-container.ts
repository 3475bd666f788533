/**
 * Fast path for huge pages (tens of thousands of elements), where Readability's
 * scoring grows much faster than the page: when one element holds most of the
 * page's paragraph text, its paragraphs are the article.
 */
export const HUGE_PAGE_ELEMENTS = 20_000;

const CONTENT = /^(P|H[1-6]|BLOCKQUOTE|FIGURE|UL|OL|PRE|TABLE|IMG)$/;

function dominantContainer(doc: Document): Element | null {
  const text = new Map<Element, number>();
  let total = 0;
  for (const p of doc.querySelectorAll('p')) {
    const n = (p.textContent ?? '').trim().length;
    if (n < 20 || !p.parentElement) continue;
    total += n;
    text.set(p.parentElement, (text.get(p.parentElement) ?? 0) + n);
  }
  let best: [Element | null, number] = [null, 0];
  for (const [el, n] of text) if (n > best[1]) best = [el, n];
  return best[0] && best[1] >= 200 && best[1] >= total * 0.6 ? best[0] : null;
}

/** The article's own blocks from the dominant container, leaving its other children (div soup) behind. */
export function hugePageContent(doc: Document): Element | null {
  const container = dominantContainer(doc);
  if (!container) return null;
  const root = doc.createElement('div');
  for (let c = container.firstElementChild; c; c = c.nextElementSibling) if (CONTENT.test(c.tagName.toUpperCase())) root.appendChild(c.cloneNode(true));
  return root;
}
