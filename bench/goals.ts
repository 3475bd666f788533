import { median, percentile } from './stats';

/** One speed goal as the bench measured it: `met` when the value is at or under the goal. */
export interface Goal {
  name: string;
  value: number | null;
  goal: number;
  unit: string;
  met: boolean;
}

type Results = Record<string, unknown>;

// An empty sample (a figure not measured in this run) gives null.

const p90 = (xs: number[]) => percentile(xs, 0.9);
const rounded = (x: number | undefined, digits = 0) => (x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(digits)));

function goal(name: string, value: number | null, target: number, unit: string): Goal {
  return { name, value, goal: target, unit, met: value !== null && value <= target };
}

interface InPage {
  toTraditional: { loadMs: number; visibleMs: number | null; longestTaskMs: number };
  toTraditionalAgain: { visibleMs: number | null; longestTaskMs: number };
  restore: { visibleMs: number | null; totalMs: number; longestTaskMs: number };
}

/** The goals of the speed work, each from what this run measured (null where it was not measured). */
export function speedGoals(results: Results): Goal[] {
  const click = (results.click as { rows?: Array<{ jingduMs: number; secondJingduMs: number }> } | undefined)?.rows ?? [];
  const jingdu = click.map((r) => r.jingduMs);
  const real = results.realPages as Record<string, { medianRatio: number }> | undefined;
  const pages = [results.inPage, ...((Array.isArray(results.inPageReal) ? results.inPageReal : []) as unknown[])].filter((p): p is InPage => !!p && typeof p === 'object' && 'toTraditional' in p);
  // A page whose part on screen has nothing to convert (no change to see) is not counted in that figure.
  const worst = (f: (p: InPage) => number | null) => {
    const values = pages.map(f).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  };
  const library = results.library as { readerArticleShownMs?: number; keystrokeP90Ms?: number } | undefined;
  return [
    goal('click → article, median (popup painted → article)', rounded(median(jingdu)), 100, 'ms'),
    goal('click → article, p90', rounded(p90(jingdu)), 250, 'ms'),
    goal('second click on the same page, median', rounded(median(click.map((r) => r.secondJingduMs))), 100, 'ms'),
    goal('pipeline per page ÷ plain Readability, median (jsdom)', rounded(real?.jsdom?.medianRatio, 2), 1, '×'),
    goal('pipeline per page ÷ plain Readability, median (fast DOM)', rounded(real?.fast?.medianRatio, 2), 1, '×'),
    goal('page 繁/简: part on screen, dictionary loaded (worst page)', worst((p) => p.toTraditionalAgain.visibleMs), 150, 'ms'),
    goal('page 繁/简: part on screen, first use (worst page)', worst((p) => (p.toTraditional.visibleMs === null ? null : p.toTraditional.visibleMs + p.toTraditional.loadMs)), 500, 'ms'),
    goal('page 原文: part on screen (worst page)', worst((p) => p.restore.visibleMs), 150, 'ms'),
    goal('page 繁/简: longest task (worst page)', worst((p) => Math.max(p.toTraditional.longestTaskMs, p.toTraditionalAgain.longestTaskMs, p.restore.longestTaskMs)), 50, 'ms'),
    goal('reader: 100,000 characters, 50 pictures, opened to the article painted', rounded(library?.readerArticleShownMs), 300, 'ms'),
    goal('library of 5,000: search keystroke answered, p90', rounded(library?.keystrokeP90Ms), 100, 'ms'),
  ];
}
