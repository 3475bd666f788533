/**
 * Lines built to make a careless regex backtrack or a careless scan go quadratic: long
 * runs of one character, an opener without its closer, pager items without end, ASCII
 * punctuation. Each is made at any size; the tests use about 1 MB, as a hostile or broken
 * page can serve, and a sixteenth of that to see how the cost grows.
 */
export const MB = 1 << 20;

function repeat(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export interface AdversarialLine {
  name: string;
  /** The line at about this many characters. */
  make: (size: number) => string;
}

export const ADVERSARIAL_LINES: AdversarialLine[] = [
  // Short on purpose: 34 '>' made a backtracking pattern take seconds, 4 of them none.
  { name: '34 > then x (pager backtracking)', make: (n) => `${'>'.repeat(Math.max(1, Math.round((34 * n) / MB)))}x` },
  { name: '1 MB of > then x', make: (n) => `${repeat('>', n)}x` },
  { name: 'pager numbers without end, then 跳转', make: (n) => `${repeat('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 ', (n * 4000) / MB)}跳转` },
  { name: '1 MB of page numbers then x', make: (n) => `${repeat('12 ', n)}x` },
  { name: '1 MB of [1] then x', make: (n) => `${repeat('[1]', n)}x` },
  { name: '( and no )', make: (n) => `(${repeat('复工', n)}` },
  { name: '1 MB of (', make: (n) => repeat('(', n) },
  { name: '1 MB of （', make: (n) => repeat('（', n) },
  { name: '1 MB of spaces then x', make: (n) => `${repeat(' ', n)}x` },
  { name: '1 MB of ideographic spaces then x', make: (n) => `${repeat('\u3000', n)}x` },
  { name: '1 MB of ASCII punctuation', make: (n) => repeat(ASCII_PUNCTUATION, n) },
  { name: '1 MB of CJK, no punctuation', make: (n) => repeat('新闻记者报道', n) },
  { name: '1 MB of 。', make: (n) => repeat('。', n) },
  { name: '1 MB of dashes', make: (n) => repeat('—', n) },
  { name: '1 MB of _ and |', make: (n) => repeat('_|', n) },
  { name: '1 MB of 【', make: (n) => repeat('【', n) },
  { name: '1 MB of pinyin-like (fù)', make: (n) => repeat('復(fù', n) },
  { name: '1 MB of digits and 年', make: (n) => repeat('2020年', n) },
  { name: '1 MB of 记者 ', make: (n) => repeat('记者 ', n) },
  { name: '1 MB of ：', make: (n) => repeat('来源：', n) },
  { name: '1 MB of dots', make: (n) => repeat('a.', n) },
  { name: '1 MB of http://', make: (n) => repeat('http://', n) },
  { name: '1 MB of ■下转', make: (n) => repeat('■下转', n) },
  { name: '1 MB of share words', make: (n) => repeat('分享到 ', n) },
  { name: '1 MB of □ names', make: (n) => repeat('□ 张三 ', n) },
];

/** Many short lines of ASCII punctuation (5,000 lines, 159 KB, at the default), as one page's worth of lines. */
export function punctuationLines(count = 5000): string[] {
  return Array.from({ length: count }, (_, i) => ASCII_PUNCTUATION.slice(i % 7));
}
