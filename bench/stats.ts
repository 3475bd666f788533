/** The value at fraction `p` of the sorted samples (0.5: the median, 0.9: the p90). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}

export const median = (xs: number[]) => percentile(xs, 0.5);
