import type { ConverterFactory, Dictionary } from '../lib/convert/load';

/**
 * The extension ships each opencc dictionary once, as its own script (entrypoints/dict-*.ts).
 * Run, it leaves its converter factory here: in a tab's isolated world (never the page's),
 * in an extension page or in the conversion worker.
 */
const key = (name: Dictionary) => Symbol.for(`jingdu.opencc.${name}`);

export function publishDictionary(name: Dictionary, factory: ConverterFactory): void {
  (globalThis as Record<symbol, unknown>)[key(name)] = factory;
}

export function publishedDictionary(name: Dictionary): ConverterFactory | undefined {
  return (globalThis as Record<symbol, unknown>)[key(name)] as ConverterFactory | undefined;
}

/** The dictionary script's file in the extension. */
export const dictionaryFile = (name: Dictionary) => `/dict-${name}.js` as const;
