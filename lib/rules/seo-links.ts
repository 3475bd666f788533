import { type Rule, dropWhere } from './types';

/**
 * Mirror sites pad pages with runs of place names for search engines:
 * "阿鲁科尔沁旗| 密云县| 石门县| ...". A line of many short |-separated items,
 * most of them county/city names, is such a list.
 */
const PLACE = /(?:县|縣|市|区|區|旗|州|盟|镇|鎮|乡|鄉|省|西藏|新疆|内蒙古)$/;

export function isSeoLinkList(line: string): boolean {
  const items = line.split(/[|｜]/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 6) return false;
  if (items.some((s) => s.length > 8)) return false;
  const places = items.filter((s) => PLACE.test(s)).length;
  return places / items.length >= 0.6;
}

/** SEO link lists of county and city names (阿鲁科尔沁旗| 密云县| ...). */
export const seoLinksRule: Rule = {
  id: 'seo-links',
  apply: (blocks) => dropWhere(blocks, isSeoLinkList),
};
