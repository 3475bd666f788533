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
const CJK_PARENS = /\(([^()]*[\u3400-\u9fff][^()]*)\)/g;

export function restoreFullWidth(text: string): string {
  return text.replace(AFTER_CJK, (m) => FULL[m] ?? m).replace(CJK_PARENS, '（$1）');
}

export const punctuationRule: Rule = {
  id: 'punctuation',
  description: 'Restore full-width ，：；！？（） inside Chinese text',
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
