import { loadConverter } from './load';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * A search query in every script, so 复工 finds 復工 and back. The converters
 * load only for queries with Chinese in them.
 */
export async function queryVariants(query: string): Promise<string[]> {
  const q = query.trim();
  if (!q) return [];
  if (!CJK.test(q)) return [q];
  const [cn, t] = await Promise.all([loadConverter('cn'), loadConverter('t')]);
  return [...new Set([q, cn(q), t(q)])];
}

/** Loads both converters ahead of the first query (the library warms them when its search box is focused). */
export async function warmQueryConverters(): Promise<void> {
  await Promise.all([loadConverter('cn'), loadConverter('t')]);
}
