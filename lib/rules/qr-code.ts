import { type Rule, emptyResult, record } from './types';

/** Short lines that ask the reader to scan: the picture beside them is a QR code, not the article's. */
const SCAN_PROMPT = /二维码|二維碼|扫码|掃碼|扫一扫|掃一掃|长按识别|長按識別/;
/** Prompts are short; an article sentence about scanning (市民扫码即可查询…) is not one. */
const MAX_PROMPT = 30;

/** QR-code pictures next to a "scan / follow us" line. */
export const qrCodeRule: Rule = {
  id: 'qr-code',
  apply: (blocks) => {
    const result = emptyResult();
    blocks.forEach((b, i) => {
      if (b.dropped || b.kind !== 'image') return;
      // The prompt may already be gone (boilerplate), so look at the neighbours as found.
      const near = [blocks[i - 1], blocks[i + 1]].filter((n) => n && n.kind !== 'image');
      const isPrompt = (text: string) => text.length <= MAX_PROMPT && SCAN_PROMPT.test(text);
      if (!near.some((n) => isPrompt(n!.original ?? n!.text))) return;
      b.dropped = true;
      record(result, `[${b.src ?? 'image'}]`);
    });
    return result;
  },
};
