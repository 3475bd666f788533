/**
 * The popup is a glance at the article, not the whole of it: a 50,000-paragraph
 * page would take seconds to sanitize and lay out there. The preview keeps the
 * first blocks of the article's HTML; copying, exporting and saving always use
 * the full article.
 */
export const PREVIEW_BLOCKS = 400;

export interface Preview {
  html: string;
  shown: number;
  total: number;
}

/** The first `maxBlocks` top-level elements of `html`, parsed inertly (a <template> runs nothing). */
export function previewHtml(html: string, doc: Document, maxBlocks = PREVIEW_BLOCKS): Preview {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const blocks = [...template.content.children];
  if (blocks.length <= maxBlocks) return { html, shown: blocks.length, total: blocks.length };
  return { html: blocks.slice(0, maxBlocks).map((el) => el.outerHTML).join('\n'), shown: maxBlocks, total: blocks.length };
}
