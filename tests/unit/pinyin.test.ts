import { describe, expect, it } from 'vitest';
import { countPinyinAnnotations, stripPinyin } from '../../lib/rules/pinyin';

describe('converter pinyin', () => {
  it('strips tone-marked syllables after characters', () => {
    expect(stripPinyin('開工復(fù)工“兩副擔(dān)子”一起挑').text).toBe('開工復工“兩副擔子”一起挑');
    expect(stripPinyin('鄉(xiāng)村干部報網(wǎng)').text).toBe('鄉村干部報網');
  });

  it('handles full-width brackets and ü', () => {
    expect(stripPinyin('綠（lǜ）色').text).toBe('綠色');
  });

  it('leaves ordinary brackets alone', () => {
    for (const s of ['疫情防得住 发展搞得好(深度关注)', '凡本網注明“來源:XXX(非中國有色網或非中國有色金屬報)”', '发揮村(社區)黨組織', '在线时间: 10491(时)', 'function (x)', 'Apple (aapl)']) {
      expect(stripPinyin(s).text).toBe(s);
    }
  });

  it('needs a character before the bracket', () => {
    expect(stripPinyin('(fù)').text).toBe('(fù)');
  });

  it('counts annotations for detection', () => {
    expect(countPinyinAnnotations('復(fù)工 鄉(xiāng)村 戰(zhàn)斗')).toBe(3);
  });
});
