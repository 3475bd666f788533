/** Where the reader stopped in each saved article: 0 to 1 through it, and when. */
export type ReadingPositions = Record<string, { at: number; when: string }>;

/** The most articles whose place is kept: the oldest are forgotten first. */
export const MOST_POSITIONS = 500;

/** The positions with this article's place set (or dropped at the very start or end: nothing to come back to). */
export function withPosition(positions: ReadingPositions, url: string, at: number, now: string): ReadingPositions {
  const next = { ...positions };
  delete next[url];
  if (at > 0.02 && at < 0.98) next[url] = { at, when: now };
  const urls = Object.keys(next);
  if (urls.length <= MOST_POSITIONS) return next;
  const oldest = urls.sort((a, b) => next[a]!.when.localeCompare(next[b]!.when)).slice(0, urls.length - MOST_POSITIONS);
  for (const u of oldest) delete next[u];
  return next;
}
