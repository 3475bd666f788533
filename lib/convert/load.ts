import type { TargetVariant } from './variants';

export type Convert = (text: string) => string;

/** opencc-js's two dictionaries: Simplified→Traditional (STPhrases, ~1.1 MB) and back (~110 kB). */
export type Dictionary = 'cn2t' | 't2cn';
/** What each opencc-js dictionary module exports as `Converter`. */
export type ConverterFactory = (options: { from: string; to: string }) => Convert;
export type DictionaryLoader = (name: Dictionary) => Promise<ConverterFactory>;

/**
 * Where the dictionaries come from is the caller's: Node imports the opencc-js modules
 * (cli/node-dictionaries.ts), the extension loads the one file it ships of each
 * (platform/dictionaries.ts), so neither the CLI nor the pages carry them twice.
 */
let loadDictionary: DictionaryLoader | null = null;

export function useDictionaries(loader: DictionaryLoader): void {
  loadDictionary = loader;
  cache.clear();
}

/** opencc-js converters, loaded on first use: each direction only when it is chosen. */
const cache = new Map<TargetVariant, Promise<Convert>>();

async function build(target: TargetVariant): Promise<Convert> {
  if (!loadDictionary) throw new Error('no 简/繁 dictionaries: useDictionaries() was not called');
  // To Simplified from Taiwan usage with phrases, so 軟體→软件 and 滑鼠→鼠标 come back too.
  if (target === 'cn') return (await loadDictionary('t2cn'))({ from: 'twp', to: 'cn' });
  return (await loadDictionary('cn2t'))({ from: 'cn', to: target });
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
