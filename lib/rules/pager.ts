import { type Rule, dropWhere } from './types';

/**
 * One item of a pager: a page number, a step (上一页/下一页/尾页/跳转…), a page count, or an
 * arrow. Sticky: matched only where the scan stands, so a line is read once, left to right.
 */
const PAGER_ITEM = /(?:首页|尾页|末页|上一?页|下一?页|前一页|后一页|跳转|GO|第\s?\d{1,3}\s?页|共\s?\d{1,3}\s?页|\[?\d{1,3}(?!\d)\]?|[<>«»‹›]+|\.\.\.|…)/y;
const SPACE = /\s*/y;
/** Page numbers run together ("1234 下一页" from adjacent links): only beside a step word. */
const RUN_OF_NUMBERS = /\d{4,12}(?!\d)/y;
const STEP_WORD = /首页|尾页|末页|上一?页|下一?页|前一页|后一页/;

/**
 * Two or more pager items and nothing else: "1 2 3 下一页", "上一页 1 2 3 尾页", "共3页 第1页".
 * A scan over items, not one regex with a repeated group: a nested quantifier here
 * backtracks exponentially on lines like 34 ">" and an "x".
 */
export function isPagerLine(line: string): boolean {
  let at = 0;
  let items = 0;
  while (true) {
    SPACE.lastIndex = at;
    SPACE.exec(line);
    at = SPACE.lastIndex;
    if (at >= line.length) return items >= 2;
    PAGER_ITEM.lastIndex = at;
    RUN_OF_NUMBERS.lastIndex = at;
    if (PAGER_ITEM.exec(line)) at = PAGER_ITEM.lastIndex;
    else if (RUN_OF_NUMBERS.exec(line) && STEP_WORD.test(line)) at = RUN_OF_NUMBERS.lastIndex;
    else return false;
    items++;
  }
}

/** Page-number lines of an article split over pages ("1 2 3 下一页"). */
export const pagerRule: Rule = {
  id: 'pager',
  apply: (blocks) => dropWhere(blocks, isPagerLine),
};
