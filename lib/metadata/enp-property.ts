/**
 * Founder's news CMS (方正翔宇, behind many Chinese newspapers' sites and e-papers) leaves
 * each article's record in a comment, at the top of the page or after the text:
 * <!--enpproperty <date>2022-02-13 00:00:00:0</date><author>记者 武彩霞</author><title>…</title>…-->
 * Its fields are the article's own, whatever the page's <title> or layout says.
 */
const SHOW_COMMENT = 0x80;
const FIELD = /<([a-z]+)>([^<]*)<\/\1>/g;
/** The record sits near the top or beside the text; comments past this many are page furniture. */
const MOST_COMMENTS = 2000;

export function enpProperty(doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  const walker = doc.createTreeWalker(doc, SHOW_COMMENT);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < MOST_COMMENTS; n = walker.nextNode(), seen++) {
    const text = n.nodeValue ?? '';
    if (!text.trimStart().startsWith('enpproperty')) continue;
    for (const [, key, value] of text.slice(0, 20_000).matchAll(FIELD)) if (value!.trim()) out[key!] ??= value!.trim();
    return out;
  }
  return out;
}
