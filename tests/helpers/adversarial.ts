/**
 * Lines built to make a careless regex backtrack or a careless scan go quadratic: long
 * runs of one character, an opener without its closer, pager items without end, ASCII
 * punctuation. Each is about 1 MB, as a hostile or broken page can serve.
 */
const MB = 1 << 20;

function repeat(unit: string, bytes = MB): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export const ADVERSARIAL_LINES: Array<{ name: string; text: string }> = [
  { name: '34 > then x (pager backtracking)', text: `${'>'.repeat(34)}x` },
  { name: '1 MB of > then x', text: `${repeat('>')}x` },
  { name: 'pager numbers without end, then 跳转', text: `${repeat('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 ', 4000)}跳转` },
  { name: '1 MB of page numbers then x', text: `${repeat('12 ')}x` },
  { name: '1 MB of [1] then x', text: `${repeat('[1]')}x` },
  { name: '( and no )', text: `(${repeat('复工')}` },
  { name: '1 MB of (', text: repeat('(') },
  { name: '1 MB of （', text: repeat('（') },
  { name: '1 MB of spaces then x', text: `${repeat(' ')}x` },
  { name: '1 MB of ideographic spaces then x', text: `${repeat('\u3000')}x` },
  { name: '1 MB of ASCII punctuation', text: repeat(ASCII_PUNCTUATION) },
  { name: '1 MB of CJK, no punctuation', text: repeat('新闻记者报道') },
  { name: '1 MB of 。', text: repeat('。') },
  { name: '1 MB of dashes', text: repeat('—') },
  { name: '1 MB of _ and |', text: repeat('_|') },
  { name: '1 MB of 【', text: repeat('【') },
  { name: '1 MB of pinyin-like (fù)', text: repeat('復(fù') },
  { name: '1 MB of digits and 年', text: repeat('2020年') },
  { name: '1 MB of 记者 ', text: repeat('记者 ') },
  { name: '1 MB of ：', text: repeat('来源：') },
  { name: '1 MB of dots', text: repeat('a.') },
  { name: '1 MB of http://', text: repeat('http://') },
  { name: '1 MB of ■下转', text: repeat('■下转') },
  { name: '1 MB of share words', text: repeat('分享到 ') },
  { name: '1 MB of □ names', text: repeat('□ 张三 ') },
];

/** Many short lines of ASCII punctuation (159 KB in all), as one page's worth of lines. */
export const PUNCTUATION_LINES: string[] = Array.from({ length: 5000 }, (_, i) => ASCII_PUNCTUATION.slice(i % 7));
