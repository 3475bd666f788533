import type { CleanArticle, RemovedItem } from '../types';

function mergeRemoved(lists: RemovedItem[][]): RemovedItem[] {
  const byRule = new Map<string, RemovedItem>();
  for (const item of lists.flat()) {
    const seen = byRule.get(item.rule);
    if (!seen) byRule.set(item.rule, { ...item, samples: [...item.samples] });
    else {
      seen.count += item.count;
      for (const s of item.samples) if (seen.samples.length < 5 && !seen.samples.includes(s)) seen.samples.push(s);
    }
  }
  return [...byRule.values()];
}

/**
 * One article from its pages: the first page gives the title and metadata, every
 * page gives its body in order. A later page's lines that repeat the title are
 * already gone (each page was cleaned with the same rules).
 */
export function mergePages(first: CleanArticle, later: Array<{ url: string; article: CleanArticle }>): CleanArticle {
  if (!later.length) return first;
  const all = [first, ...later.map((p) => p.article)];
  return {
    ...first,
    contentHtml: all.map((a) => a.contentHtml).join('\n'),
    paragraphs: all.flatMap((a) => a.paragraphs),
    headings: all.flatMap((a) => a.headings),
    captions: all.flatMap((a) => a.captions),
    images: all.flatMap((a) => a.images),
    removed: mergeRemoved(all.map((a) => a.removed)),
    mergedPages: later.map((p) => p.url),
  };
}
