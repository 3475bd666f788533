import { type Rule, dropWhere } from './types';

/** One item of a pager: a page number, a step (上一页/下一页/尾页…), a page count, or an arrow. */
const PAGER_ITEM = String.raw`(?:首页|尾页|末页|上一?页|下一?页|前一页|后一页|第\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页|\[?\d{1,3}(?!\d)\]?|[<>«»‹›]+|\.\.\.|…)`;
/** Two or more pager items and nothing else: "1 2 3 下一页", "上一页 1 2 3 尾页", "共3页 第1页". */
const PAGER_LINE = new RegExp(`^(?:\\s*${PAGER_ITEM}\\s*){2,}$`);

export function isPagerLine(line: string): boolean {
  return PAGER_LINE.test(line.trim());
}

export const pagerRule: Rule = {
  id: 'pager',
  description: 'Page-number lines of an article split over pages ("1 2 3 下一页")',
  apply: (blocks) => dropWhere(blocks, isPagerLine),
};
