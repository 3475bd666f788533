import type { Block } from '../blocks';
import { type Rule, emptyResult } from './types';

/**
 * Scraped text often went through NFKC, which turned full-width ，：；！？（）
 * into ASCII inside Chinese sentences. Restore them where a Chinese character
 * stands before the mark; leave 12:37, PM2.5 and English alone.
 */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff“”‘’」』》）';
const AFTER_CJK = new RegExp(`(?<=[${CJK}])([,:;!?])(?!/)`, 'g');
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
const HAS_CJK = /[\u3400-\u9fff]/;

/**
 * (…) around Chinese text becomes （…）. A scan, not a regex: "(" with no ")" after it
 * would make a regex try every "(" against the rest of the line (quadratic on 1 MB).
 */
function fullWidthParens(text: string): string {
  let out = '';
  let open = -1; // index in `text` of the innermost "(" not yet closed, with no paren since
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') open = i;
    else if (c === ')') {
      if (open >= 0 && HAS_CJK.test(text.slice(open + 1, i))) {
        out += `${text.slice(copied, open)}（${text.slice(open + 1, i)}）`;
        copied = i + 1;
      }
      open = -1;
    }
  }
  return copied ? out + text.slice(copied) : text;
}

export function restoreFullWidth(text: string): string {
  return fullWidthParens(text.replace(AFTER_CJK, (m) => FULL[m] ?? m));
}

/** Restore full-width ，：；！？（） inside Chinese text. */
export const punctuationRule: Rule = {
  id: 'punctuation',
  apply(blocks: Block[]) {
    const result = emptyResult();
    for (const b of blocks) {
      if (b.dropped || b.kind === 'image') continue;
      const fixed = restoreFullWidth(b.text);
      if (fixed !== b.text) b.text = fixed;
    }
    return result; // a rewrite, not a removal: nothing to report
  },
};
