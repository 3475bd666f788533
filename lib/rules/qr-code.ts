import { type Rule, emptyResult, record } from './types';

/** Lines that ask the reader to scan or follow: the picture beside them is a QR code, not the article's. */
const SCAN_PROMPT = /二维码|二維碼|扫码|掃碼|扫一扫|掃一掃|长按识别|長按識別|关注我们|關注我們|关注公众号|關注公眾號/;

export const qrCodeRule: Rule = {
  id: 'qr-code',
  description: 'QR-code pictures next to a "scan / follow us" line',
  apply: (blocks) => {
    const result = emptyResult();
    blocks.forEach((b, i) => {
      if (b.dropped || b.kind !== 'image') return;
      // The prompt may already be gone (boilerplate), so look at the neighbours as found.
      const near = [blocks[i - 1], blocks[i + 1]].filter((n) => n && n.kind !== 'image');
      if (!near.some((n) => SCAN_PROMPT.test(n!.original ?? n!.text))) return;
      b.dropped = true;
      record(result, `[${b.src ?? 'image'}]`);
    });
    return result;
  },
};
