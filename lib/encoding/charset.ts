/** The charset a page declares in its first bytes (<meta charset> or http-equiv), as a TextDecoder label. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? decoderLabel(m[1]!) : null;
}

/** Chinese pages' charset names to what TextDecoder reads them with (GB18030 covers GBK and GB2312). */
export function decoderLabel(name: string): string | null {
  const n = name.toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk)$/.test(n)) return 'gb18030';
  if (/^big5(-hkscs)?$/.test(n)) return 'big5';
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  // Any other label the platform's decoder knows (shift_jis, windows-1252, euc-kr…).
  try {
    return new TextDecoder(n).encoding;
  } catch {
    return null;
  }
}
