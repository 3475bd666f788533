import { describe, expect, it } from 'vitest';
import { articleFilename, safeFilename } from '../../lib/export/filename';
import { toMarkdown, toPlainText, toStandaloneHtml } from '../../lib/export/formats';
import { cleanText } from '../../lib/text-pipeline';
import { cleanDocument } from '../../lib/pipeline';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { loadGolden } from '../helpers/golden';

const seeds = loadGolden();
const discuz = cleanText(seeds.find((s) => s.golden.template === 'discuz')!.seedText);

describe('file names', () => {
  it('makes a Chinese title with a colon safe everywhere', () => {
    expect(safeFilename('2020-03-05 杭锦旗:党员闻令而动')).toBe('2020-03-05 杭锦旗：党员闻令而动');
    expect(articleFilename(discuz, 'md')).toBe('2020-03-05 杭锦旗：党员闻令而动 堡垒因战而坚.md');
  });
  it.each([
    ['a/b\\c*?"<>|', 'a／b＼c＊？”《》｜'],
    ['CON', '_CON'],
    ['  ..hidden. ', 'hidden'],
    ['tab\tand\u0000null', 'tab andnull'],
    ['', 'article'],
  ])('%j → %j', (input, safe) => expect(safeFilename(input)).toBe(safe));
  it('keeps names short without splitting characters', () => {
    // At most 200 bytes (Linux allows 255 a name), cut between characters: 66 of 3 bytes each.
    const name = safeFilename('长'.repeat(300));
    expect(name).toBe('长'.repeat(66));
    expect(safeFilename('a'.repeat(300))).toBe('a'.repeat(120));
  });
});

describe('exports', () => {
  it('Markdown has YAML front matter and the whole body', () => {
    const md = toMarkdown(discuz, { saved: '2026-01-01T00:00:00Z' });
    expect(md.startsWith('---\ntitle: "杭锦旗：党员闻令而动 堡垒因战而坚"\n')).toBe(true);
    expect(md).toContain('editor: "华发网Mary"');
    expect(md).toContain('published: "2020-03-05T08:54:41-06:00"');
    expect(md).toContain('template: "discuz"');
    expect(md).toContain('saved: "2026-01-01T00:00:00Z"');
    for (const p of discuz.paragraphs) expect(md).toContain(p);
  });
  it('Markdown headings are plain words: no bold inside, no full-width indent, never a notice or an ad', () => {
    const page = `<html><head><title>谁来为无序拆房埋单</title></head><body><div class="entity">
      <h1>谁来为无序拆房埋单</h1><p>（本文来源：中工网）</p><p>点击进入专题</p>
      <p>为拆一幢房，断送了三条人命。前天的这场惨剧发生得实在太突然，太震惊了，三条人命就这样从我们眼前骤然消失。</p><p><b>　　编者按</b></p>
      ${'<p>为拆一幢房，断送了三条人命。前天的这场惨剧发生得实在太突然，太震惊了，三条人命就这样从我们眼前骤然消失。</p>'.repeat(4)}
      <p><strong>附件</strong></p><p>今年一至五月，全市工矿企业共发生各类事故五十九起，同比上升百分之六十八，其中五月就发生十八起。</p></div></body></html>`;
    const article = cleanDocument(parseHtml(page, 'https://news.example/a.html'), 'https://news.example/a.html', { sanitize: nodeSanitizer() });
    const headings = toMarkdown(article).split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## 编者按', '## 附件']);
  });
  it('front matter quotes what YAML would misread', () => {
    const md = toMarkdown({ ...discuz, title: 'a: "b" # c' });
    expect(md).toContain('title: "a: \\"b\\" # c"');
  });
  it('plain text lists title, metadata and paragraphs', () => {
    const txt = toPlainText(discuz);
    expect(txt.split('\n')[0]).toBe(discuz.title);
    expect(txt).toContain('来源：鄂尔多斯市侨联、刘焱、白洁');
  });
  it('labels a Traditional article in Traditional script', () => {
    const mirror = cleanText(seeds.find((s) => s.golden.template === 'pinyin-mirror')!.seedText);
    expect(mirror.script).toBe('traditional');
    const txt = toPlainText(mirror);
    expect(txt).toContain(`來源：${mirror.source}`);
    expect(txt).not.toMatch(/来源|编辑|\[图\]/);
    expect(toStandaloneHtml(mirror)).toContain('<html lang="zh-Hant">');
    expect(toStandaloneHtml(discuz)).toContain('<html lang="zh-Hans">');
  });
  it('standalone HTML shows images as links and allows no scripts', () => {
    const html = toStandaloneHtml({ ...discuz, contentHtml: '<figure><img src="https://x.example/a.jpg" alt="图"></figure><p>正文</p>' });
    expect(html).toContain('<a href="https://x.example/a.jpg">[图片：图]</a>');
    expect(html).not.toContain('<img');
    expect(html).toContain("default-src 'none'");
  });
});
