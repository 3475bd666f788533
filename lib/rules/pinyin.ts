import { type Rule, stripEach } from './types';

/**
 * Content-farm mirrors run text through a bad converter that leaves the pinyin of
 * some characters in brackets: 復(fù)工, 鄉(xiāng)村. Only tone-marked syllables are
 * annotations; ordinary brackets such as (深度关注) or (非中國有色網…) are text.
 */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const LETTER = `a-zü${TONED}`;
export const PINYIN_ANNOTATION = new RegExp(
  `(?<=[\\u3400-\\u9fff\\uf900-\\ufaff])[(（](?=[${LETTER}]*[${TONED}])[${LETTER}]{1,7}[)）]`,
  'g',
);

export function stripPinyin(text: string): { text: string; removed: string[] } {
  const removed = text.match(PINYIN_ANNOTATION) ?? [];
  return { text: removed.length ? text.replace(PINYIN_ANNOTATION, '') : text, removed };
}

export function countPinyinAnnotations(text: string): number {
  return text.match(PINYIN_ANNOTATION)?.length ?? 0;
}

/** Converter pinyin in brackets after characters, e.g. 復(fù)工 → 復工. */
export const pinyinRule: Rule = {
  id: 'pinyin',
  apply: (blocks) => stripEach(blocks, stripPinyin),
};
