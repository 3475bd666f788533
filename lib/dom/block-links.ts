import { isProse } from '../article/lines';

/**
 * Some CMSs wrap a whole article in one link (`<a href=…><p>…</p><p>…</p></a>`, valid since
 * HTML5). Readability then reads the article as a link list and finds nothing. A link holding
 * paragraphs of prose is a wrapper, not a link: its children take its place. Teaser cards
 * (a picture, a title, a line of summary in one link) hold no prose and stay links.
 */
const BLOCKS = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote, section, article';
const MIN_PROSE_PARAGRAPHS = 2;

function holdsProse(link: Element): boolean {
  let prose = 0;
  for (const block of link.querySelectorAll(BLOCKS)) {
    if (isProse(block.textContent ?? '') && ++prose >= MIN_PROSE_PARAGRAPHS) return true;
  }
  return false;
}

/** Unwraps every link that holds the article's paragraphs; links never nest, so each subtree is read once. */
export function unwrapBlockLinks(root: Document | Element): number {
  let unwrapped = 0;
  for (const link of [...root.querySelectorAll('a')]) {
    if (!link.querySelector(BLOCKS) || !holdsProse(link)) continue;
    link.replaceWith(...link.childNodes);
    unwrapped++;
  }
  return unwrapped;
}
