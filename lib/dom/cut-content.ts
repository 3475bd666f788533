/**
 * A family's content element opened inside the article's first paragraph
 * (`<p><founder-content>…</p><p>…</p></founder-content>`) is closed by the HTML parser at that
 * paragraph's end: the element then holds the first paragraph only, and the rest of the
 * article follows it as the paragraph's siblings. Then the paragraph's container is the article.
 */
const PARAGRAPHS = 'p, h2, h3, h4, blockquote, figure, table, ul, ol';

export function widenCutContent(el: Element): Element {
  const p = el.parentElement;
  if (!p || p.tagName.toUpperCase() !== 'P' || !p.parentElement) return el;
  // Something of the article after the cut paragraph: its siblings carry text.
  for (let s = p.nextElementSibling; s; s = s.nextElementSibling) {
    if (s.matches(PARAGRAPHS) && s.textContent?.trim()) return p.parentElement;
  }
  return el;
}
