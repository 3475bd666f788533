import type { Block } from '../blocks';

export interface RuleContext {
  /** Article title as known so far (for the repeated-title rule). */
  title: string | null;
  /** Extra line patterns the detected template calls boilerplate. */
  boilerplate: RegExp[];
}

export interface RuleResult {
  removed: number;
  samples: string[];
}

/**
 * A cleanup rule: mutates blocks (edits text or marks them dropped) and says what it removed.
 * What it removes is said in the comment above it (not a field: no words of ours ship into the page for nothing).
 */
export interface Rule {
  id: string;
  apply(blocks: Block[], ctx: RuleContext): RuleResult;
}

export function emptyResult(): RuleResult {
  return { removed: 0, samples: [] };
}

export function record(result: RuleResult, sample: string): void {
  result.removed += 1;
  if (result.samples.length < 5) result.samples.push(sample.length > 80 ? `${sample.slice(0, 77)}...` : sample);
}

/**
 * Drops every live block whose text satisfies the predicate. Cells of a data table
 * are not lines of their own ("1 2", "首页" can be data there), so line rules pass them by.
 */
export function dropWhere(blocks: Block[], test: (text: string, i: number) => boolean): RuleResult {
  const result = emptyResult();
  blocks.forEach((b, i) => {
    if (b.dropped || b.kind === 'image' || b.container?.type === 'table' || !test(b.text, i)) return;
    b.dropped = true;
    record(result, b.text);
  });
  return result;
}

/** Rewrites the text of every live block, recording each piece the rewrite took out. */
export function stripEach(blocks: Block[], strip: (text: string) => { text: string; removed: string[] }): RuleResult {
  const result = emptyResult();
  for (const b of blocks) {
    if (b.dropped || b.kind === 'image') continue;
    const out = strip(b.text);
    if (out.removed.length === 0) continue;
    out.removed.forEach((r) => record(result, r));
    b.text = out.text;
  }
  return result;
}
