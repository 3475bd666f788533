import { live } from '../blocks';
import { type Rule, emptyResult, record } from './types';

/**
 * E-paper continuation markers: an article that runs over two pages says
 * "■下转第3版" where it breaks and "■上接第2版" where it resumes. Both go, and a
 * paragraph split by them is joined again.
 */
const NUM = '[0-9０-９一二三四五六七八九十]+';
// Starts at a mark or a keyword, never at whitespace: a leading \\s* makes an unanchored
// global pattern rescan every run of spaces (quadratic on a line of them).
const MARKER = new RegExp(`(?:[■□◆●][ \\u3000]?)?[（(]?(?:下转|上接|下轉|转|轉|接)第?\\s*${NUM}\\s*(?:版|页|頁)[）)]?\\s*`, 'g');
const ENDS_WITH_NEXT = new RegExp(`(?:下转|下轉|转|轉)第?\\s*${NUM}\\s*(?:版|页|頁)[）)]?\\s*$`);
const STARTS_WITH_PREV = new RegExp(`^[■□◆●]?\\s*[（(]?(?:上接|接)第?\\s*${NUM}\\s*(?:版|页|頁)`);

/** E-paper continuation markers (■下转第3版 ■上接第2版), joining the paragraph they split. */
export const continuationRule: Rule = {
  id: 'continuation',
  apply(blocks) {
    const result = emptyResult();
    const lines = live(blocks).filter((b) => b.kind !== 'image');
    lines.forEach((b, i) => {
      const next = lines[i + 1];
      const joinNext = ENDS_WITH_NEXT.test(b.text) && next !== undefined && STARTS_WITH_PREV.test(next.text);
      const found = b.text.match(MARKER);
      if (found) {
        found.forEach((m) => record(result, m.trim()));
        // Spaces before a marker go with it; split and trim, not a pattern with a leading \s*.
        const parts = b.text.split(MARKER);
        b.text = parts.map((p, i) => (i < parts.length - 1 ? p.trimEnd() : p)).join('').trim();
      }
      if (joinNext && next) {
        next.text = b.text + next.text;
        b.dropped = true;
      }
    });
    return result;
  },
};
