/**
 * Moving between the blocks of a page as the picker does (↑ parent, ↓ child, ←/→ siblings):
 * only elements a reader can see text or a picture in, never the page's code.
 */
const NEVER = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'BR', 'HR', 'IFRAME', 'SVG']);

export function isBlock(el: Element | null): el is Element {
  if (!el || NEVER.has(el.tagName.toUpperCase())) return false;
  return !!(el.textContent?.trim() || el.querySelector('img') || el.tagName === 'IMG');
}

export function parentBlock(el: Element): Element {
  const up = el.parentElement;
  return up && up.tagName !== 'HTML' ? up : el;
}

export function firstChildBlock(el: Element): Element {
  for (const child of el.children) if (isBlock(child)) return child;
  return el;
}

export function siblingBlock(el: Element, step: 1 | -1): Element {
  const next = (e: Element): Element | null => (step === 1 ? e.nextElementSibling : e.previousElementSibling);
  for (let s = next(el); s; s = next(s)) if (isBlock(s)) return s;
  return el;
}

const MOST_PARAGRAPHS = 10_000;

/** Where the picker starts: the element holding the most paragraph text of its own (the likely article). */
export function startBlock(doc: Document): Element {
  const score = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  for (const p of [...doc.querySelectorAll('p')].slice(0, MOST_PARAGRAPHS)) {
    const parent = p.parentElement;
    if (!parent) continue;
    const s = (score.get(parent) ?? 0) + (p.textContent?.trim().length ?? 0);
    score.set(parent, s);
    if (s > bestScore) [best, bestScore] = [parent, s];
  }
  return best ?? doc.body ?? doc.documentElement;
}

/** "div#replyBox · 3 段 · 216 字": what the outlined block is, in the picker's words. */
export function describeBlock(el: Element): { tag: string; paragraphs: number; chars: number } {
  const id = el.id ? `#${el.id}` : '';
  const cls = !id && el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : '';
  const text = el.textContent?.replace(/\s+/g, '') ?? '';
  return { tag: `${el.tagName.toLowerCase()}${id}${cls}`.slice(0, 80), paragraphs: el.querySelectorAll('p').length, chars: text.length };
}
