import { type Rule, emptyResult, record } from './types';

/** A line that is one link and nothing else: `<a href="…">另一篇文章的标题</a>`. */
const LINK_ONLY = /^<a href="[^"]*">[^<]*<\/a>$/;
/** Links to documents are the article's attachments (附件: a notice's PDF), never a reading list. */
const DOCUMENT = /\.(pdf|docx?|xlsx?|pptx?|wps|ofd|zip|rar|7z|txt)(?:[?#"]|$)/i;

/**
 * Lists of links to other articles at the end of the body.
 *
 * Articles end with lists of other articles (往期推荐, 相关新闻): lines that are each
 * one link. Taken from the end of the body back to the last line of the article's own.
 */
export const trailingLinksRule: Rule = {
  id: 'trailing-links',
  apply: (blocks) => {
    const result = emptyResult();
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i]!;
      if (b.dropped) continue;
      const html = b.html?.trim() ?? '';
      if (b.kind === 'image' || b.text !== b.original || !LINK_ONLY.test(html) || DOCUMENT.test(html) || DOCUMENT.test(b.text)) break;
      b.dropped = true;
      record(result, b.text);
    }
    return result;
  },
};
