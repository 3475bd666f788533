import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertArticle } from '../../lib/convert/article';
import { loadConverter } from '../../lib/convert/load';
import { PageView } from '../../lib/convert/page-view';
import { MOST_PHRASES, checkPhraseTable, mergePhraseTables } from '../../lib/convert/phrase-table';
import { LONGEST_PHRASE, type UserPhrase, loadConverterWith, phrasesToward, withUserPhrases } from '../../lib/convert/user-phrases';
import { cleanText } from '../../lib/text-pipeline';
import { expectLinearGrowth } from '../helpers/linear';

const keep = (from: string): UserPhrase => ({ from, to: from, toward: 'both' });

describe('the reader’s phrase table before opencc', () => {
  it('keeps a protected name as written in both directions, and converts the text around it', async () => {
    const table = [keep('鉅亨網')];
    const toCn = withUserPhrases(await loadConverter('cn'), table);
    // Without the table opencc turns the name into 巨亨网.
    expect((await loadConverter('cn'))('鉅亨網報導')).toBe('巨亨网报导');
    expect(toCn('據鉅亨網報導，鉅亨網指出')).toBe('据鉅亨網报导，鉅亨網指出');
  });

  it('applies a pair only toward the script it names', async () => {
    const table: UserPhrase[] = [{ from: '信息', to: '資訊', toward: 'traditional' }];
    const toT = await loadConverterWith('twp', table);
    const toCn = await loadConverterWith('cn', table);
    expect((await loadConverter('t'))('网络信息')).toBe('網絡信息');
    expect(toT('网络信息')).toBe('網路資訊');
    expect(toCn('网络信息')).toBe('网络信息');
    expect(phrasesToward('cn', table)).toEqual([]);
  });

  it('takes the longest phrase that matches, left to right', () => {
    const upper = (s: string) => s.replace(/./g, (c) => `<${c}>`);
    const convert = withUserPhrases(upper, [
      { from: '台', to: 'A', toward: 'both' },
      { from: '台湾大学', to: 'B', toward: 'both' },
    ]);
    expect(convert('台湾大学在台北')).toBe('B<在>A<北>');
    expect(convert('没有词')).toBe('<没><有><词>');
  });

  it('leaves the converter as it was when no phrase acts', async () => {
    const convert = await loadConverter('t');
    expect(withUserPhrases(convert, [])).toBe(convert);
    expect(await loadConverterWith('t', [{ from: '台', to: '臺', toward: 'simplified' }])).toBe(convert);
  });

  it('reaches every field of an article (what is shown, saved and exported)', async () => {
    const article = cleanText('鉅亨網記者報導\n\n鉅亨網今日指出，台股走高，成交量放大，投資人信心回升，市場氣氛轉佳。\n\n來源：鉅亨網');
    const converted = convertArticle(article, await loadConverterWith('cn', [keep('鉅亨網')]));
    expect(converted.title).toContain('鉅亨網');
    expect(converted.paragraphs.join('')).toContain('鉅亨網今日指出');
    expect(converted.contentHtml).not.toContain('巨亨网');
    expect(converted.contentHtml).toContain('投资人');
  });

  it('costs time linear in the text, however the phrases overlap', () => {
    const table = Array.from({ length: 200 }, (_, i) => ({ from: '甲'.repeat(1 + (i % LONGEST_PHRASE)) + String.fromCharCode(0x4e00 + i), to: 'x', toward: 'both' as const }));
    const convert = withUserPhrases((s) => s, table);
    // Every position starts a near-miss of the longest phrases.
    expectLinearGrowth((n) => '甲'.repeat(n), (s) => convert(s), 1 << 20);
  });
});

describe('checking a table from a backup or a form', () => {
  it('keeps good rows and says why each bad one was left out', () => {
    const r = checkPhraseTable([
      { from: ' 鉅亨網 ', to: '' },
      { from: '', to: 'x' },
      { from: '信息', to: '資訊', toward: 'sideways' },
      { from: '甲'.repeat(LONGEST_PHRASE + 1), to: 'x' },
      { from: 'a\u0000b', to: 'x' },
      'not a row',
      // A backup's row that would write markup into an article's HTML.
      { from: '图', to: '<img src=x onerror=alert(1)>' },
      { from: '&amp;', to: '&' },
    ]);
    expect(r.phrases).toEqual([keep('鉅亨網')]);
    expect(r.refused.map((x) => x.index)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.refused[5]!.reason).toMatch(/<, > or &/);
    expect(r.refused[0]!.reason).toMatch(/empty/);
    expect(r.refused[2]!.reason).toMatch(/longer than 40/);
    expect(checkPhraseTable({ from: 'x' }).refused[0]!.reason).toMatch(/not a list/);
  });

  it(`stops at ${MOST_PHRASES} rows`, () => {
    const many = Array.from({ length: MOST_PHRASES + 5 }, (_, i) => ({ from: `词${i}` }));
    const r = checkPhraseTable(many);
    expect(r.phrases).toHaveLength(MOST_PHRASES);
    expect(r.refused).toHaveLength(5);
  });

  it('merges a backup’s table under the reader’s own rows, never replacing one', () => {
    const yours: UserPhrase[] = [{ from: '信息', to: '資訊', toward: 'traditional' }, keep('鉅亨網')];
    const incoming: UserPhrase[] = [{ from: '信息', to: '訊息', toward: 'traditional' }, keep('鉅亨網'), { from: '软件', to: '軟體', toward: 'traditional' }];
    const m = mergePhraseTables(yours, incoming);
    expect([m.added, m.unchanged, m.keptYours]).toEqual([1, 1, 1]);
    expect(m.phrases.find((p) => p.from === '信息')!.to).toBe('資訊');
    expect(m.phrases.map((p) => p.from)).toEqual(['信息', '鉅亨網', '软件']);
  });
});

describe('the page shown in another script', () => {
  it('uses the table, and a changed table without rebuilding opencc’s converter', async () => {
    const dom = new JSDOM('<p id="a">據鉅亨網報導</p><p id="b">軟體更新</p>');
    const view = new PageView(dom.window.document, (fn) => fn(), { budgetMs: 1000, now: () => 0, pause: async () => {} });
    let built = 0;
    const cn = await loadConverter('cn');
    view.registerLazy('cn', () => (built++, cn));
    view.usePhrases([keep('鉅亨網')]);
    await view.show('cn');
    const text = (id: string) => dom.window.document.getElementById(id)!.textContent;
    expect([text('a'), text('b')]).toEqual(['据鉅亨網报导', '软件更新']);
    view.restore();
    view.usePhrases([{ from: '軟體', to: '软体', toward: 'simplified' }]);
    await view.show('cn');
    expect([text('a'), text('b')]).toEqual(['据巨亨网报导', '软体更新']);
    expect(built).toBe(1);
  });
});
