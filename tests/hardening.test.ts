/**
 * Every rule and line reader runs in linear time: adversarial lines (about 1 MB each) go
 * through each cleanup rule, the metadata readers and the whole pipeline (text and DOM),
 * and none may take more than 2 s. Careless patterns take minutes on these, so the bound
 * cannot flake on a slow machine.
 */
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { textBlock } from '../lib/blocks';
import { readBylineLine } from '../lib/metadata/byline';
import { findChineseDate } from '../lib/metadata/dates';
import { readMetaLine } from '../lib/metadata/fields';
import { chooseHeadline } from '../lib/metadata/headline';
import { NoArticleError, cleanDocument } from '../lib/pipeline';
import { ALL_RULES } from '../lib/rules';
import { cleanText } from '../lib/text-pipeline';
import { ADVERSARIAL_LINES, PUNCTUATION_LINES } from './helpers/adversarial';

const LIMIT_MS = 2000;
const PROSE = '记者从有关部门获悉，今年以来全市加快推进老旧小区改造，已完成改造项目一百二十个，惠及居民三万余户，居民满意度明显提升。';

function timed(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch (err) {
    if (!(err instanceof NoArticleError)) throw err;
  }
  return performance.now() - start;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The whole pipelines take a while on 1 MB even when linear, and longer on a busy machine. Their
 * limit is also measured against a peer in the same run: ordinary prose of the same length
 * through the same pipeline. Super-linear work on 1 MB costs hundreds of times that, never 8.
 */
const PEER_FACTOR = 8;
function proseLike(text: string): string {
  return PROSE.repeat(Math.ceil(text.length / PROSE.length)).slice(0, text.length);
}
const textPipeline = (text: string) => () => cleanText(`老旧小区改造\n${PROSE}\n${text}\n${PROSE}`, { sanitize: nodeSanitizer() });
const domPipeline = (text: string) => {
  const html = `<html><head><title>${escape(text.slice(0, 100_000))}</title></head><body><h1>老旧小区改造</h1><p>${PROSE}</p><p>${escape(text)}</p><p>${PROSE}</p></body></html>`;
  const doc = parseHtml(html, 'https://hostile.example/a.html');
  return () => cleanDocument(doc, 'https://hostile.example/a.html', { sanitize: nodeSanitizer() });
};

describe.each(ADVERSARIAL_LINES)('$name', ({ text }) => {
  it.each(ALL_RULES.map((r) => [r.id, r] as const))('rule %s stays linear', (_id, rule) => {
    expect(timed(() => rule.apply([textBlock(text)], { title: '老旧小区改造', boilerplate: [] }))).toBeLessThan(LIMIT_MS);
  });

  it('metadata readers stay linear', () => {
    expect(timed(() => readMetaLine(text))).toBeLessThan(LIMIT_MS);
    expect(timed(() => readBylineLine(text))).toBeLessThan(LIMIT_MS);
    expect(timed(() => findChineseDate(text))).toBeLessThan(LIMIT_MS);
  });

  it('the text pipeline stays linear', () => {
    const peer = timed(textPipeline(proseLike(text)));
    expect(timed(textPipeline(text))).toBeLessThan(Math.max(LIMIT_MS, PEER_FACTOR * peer));
  });

  it('the DOM pipeline stays linear', () => {
    const peer = timed(domPipeline(proseLike(text)));
    expect(timed(domPipeline(text))).toBeLessThan(Math.max(LIMIT_MS * 2, PEER_FACTOR * peer));
  });
});

describe('pages built against whole-page steps', () => {
  it('5,000 lines of ASCII punctuation', () => {
    expect(timed(() => cleanText(`老旧小区改造\n${PROSE}\n${PUNCTUATION_LINES.join('\n')}\n${PROSE}`, { sanitize: nodeSanitizer() }))).toBeLessThan(LIMIT_MS);
  });

  it('a headline matched against 20,000 <h1> of a 1.8 MB page', () => {
    const h1s = Array.from({ length: 20_000 }, (_, i) => `<h1>老旧小区改造进展第${i}期</h1>`).join('');
    const doc = parseHtml(`<html><head><title>${'老旧小区改造'.repeat(50)}</title></head><body>${h1s}<p>${PROSE}</p></body></html>`, 'https://hostile.example/');
    expect(timed(() => chooseHeadline(doc, { pageTitle: doc.title, statedTitles: [], siteNames: [] }))).toBeLessThan(LIMIT_MS);
  });

  it('a realistic pager of 18 numbers ending in 跳转 is dropped at once', () => {
    const pager = `${Array.from({ length: 18 }, (_, i) => i + 1).join(' ')} 下一页 跳转`;
    const rule = ALL_RULES.find((r) => r.id === 'pager')!;
    const blocks = [textBlock(pager)];
    expect(timed(() => rule.apply(blocks, { title: null, boilerplate: [] }))).toBeLessThan(LIMIT_MS);
    expect(blocks[0]!.dropped).toBe(true);
  });
});

describe('a time budget for cleaning in the tab', () => {
  it('stops with a clear message once the deadline has passed, instead of running on', async () => {
    const { CleanTimeoutError } = await import('../lib/pipeline');
    const doc = parseHtml(`<html><body><h1>老旧小区改造</h1><p>${PROSE}</p><p>${PROSE}</p></body></html>`, 'https://example.cn/a.html');
    const clean = () => cleanDocument(doc, 'https://example.cn/a.html', { sanitize: nodeSanitizer(), deadline: performance.now() - 1 });
    expect(clean).toThrow(CleanTimeoutError);
    expect(clean).toThrow(/too long/);
    // With time left it cleans as usual.
    expect(cleanDocument(doc, 'https://example.cn/a.html', { sanitize: nodeSanitizer(), deadline: performance.now() + 60_000 }).paragraphs).toHaveLength(2);
  });
});
