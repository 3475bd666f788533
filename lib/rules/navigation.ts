import { type Rule, dropWhere } from './types';

/** Menus flattened into one line: "要闻分享| 关注中国| 逆耳忠言| ..." or "QQ|关于我们|联系我们". */
export function isMenuLine(line: string): boolean {
  // Split, then trim: a pattern with \s* on both sides of the bar is quadratic on long runs of spaces.
  const items = line.split(/[|｜]/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 4) return false;
  const short = items.filter((s) => s.length <= 12).length;
  return short / items.length >= 0.8 && !/[。！？!?]$/.test(line.trim());
}

/** Site menus flattened into a line of |-separated links. */
export const navigationRule: Rule = {
  id: 'navigation',
  apply: (blocks) => dropWhere(blocks, isMenuLine),
};
