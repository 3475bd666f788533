import type { TargetVariant } from './variants';

export type Convert = (text: string) => string;

/**
 * opencc-js converters, loaded on first use. The Traditional→Simplified tables
 * are ~110 kB; the Simplified→Traditional ones (STPhrases) ~1.1 MB, so each sits in
 * its own chunk that loads only when that direction is chosen.
 */
const cache = new Map<TargetVariant, Promise<Convert>>();

async function build(target: TargetVariant): Promise<Convert> {
  if (target === 'cn') {
    // From Taiwan usage with phrases, so 軟體→软件 and 滑鼠→鼠标 come back too.
    const { Converter } = await import('opencc-js/t2cn');
    return Converter({ from: 'twp', to: 'cn' });
  }
  const { Converter } = await import('opencc-js/cn2t');
  return Converter({ from: 'cn', to: target });
}

export function loadConverter(target: TargetVariant): Promise<Convert> {
  let c = cache.get(target);
  if (!c) {
    c = build(target);
    cache.set(target, c);
  }
  return c;
}

/** Text without a single CJK character needs no dictionary walk. */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Our conversion path: skips text with no Chinese, and remembers short strings
 * (menus, buttons, repeated labels) so a page's repeats are converted once.
 */
export function fastConverter(convert: Convert, memoLimit = 5000): Convert {
  const memo = new Map<string, string>();
  return (text) => {
    if (!CJK.test(text)) return text;
    if (text.length > 64) return convert(text);
    let out = memo.get(text);
    if (out === undefined) {
      out = convert(text);
      if (memo.size >= memoLimit) memo.clear();
      memo.set(text, out);
    }
    return out;
  };
}
