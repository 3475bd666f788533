/**
 * Every rule and line reader runs in linear time: adversarial lines (about 1 MB each) go
 * through each cleanup rule and the metadata readers, and half a megabyte of each through the
 * whole pipeline (text and DOM).
 * Careless patterns take seconds to minutes on these. What is measured is CPU time and
 * growth within the run (tests/helpers/linear.ts), so a busy machine cannot fail them.
 */
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { textBlock } from '../lib/blocks';
import { toBlocks } from '../lib/dom/to-blocks';
import { readBylineLine } from '../lib/metadata/byline';
import { findChineseDate } from '../lib/metadata/dates';
import { readMetaLine } from '../lib/metadata/fields';
import { chooseHeadline } from '../lib/metadata/headline';
import { NoArticleError, cleanDocument } from '../lib/pipeline';
import { ALL_RULES } from '../lib/rules';
import { cleanText } from '../lib/text-pipeline';
import { ADVERSARIAL_LINES, MB, punctuationLines } from './helpers/adversarial';
import { type Peer, cpuMs, expectLikePeer, expectLinearGrowth, leastCpuMs } from './helpers/linear';

const PROSE = '记者从有关部门获悉，今年以来全市加快推进老旧小区改造，已完成改造项目一百二十个，惠及居民三万余户，居民满意度明显提升。';
const noArticle = (err: unknown) => err instanceof NoArticleError;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The whole pipelines take a while on 1 MB even when linear, so they get half a megabyte.
 * Their cost is measured against a peer in the same run: ordinary prose through the same
 * pipeline, per character. Super-linear work on half a megabyte costs tens to hundreds of
 * times that, never 8.
 */
const PEER_FACTOR = 8;
const PIPELINE_SIZE = MB / 2;
const proseLike = (length: number) => PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
const textPipeline = (text: string) => () => cleanText(`老旧小区改造\n${PROSE}\n${text}\n${PROSE}`, { sanitize: nodeSanitizer() });
const domPipeline = (text: string) => {
  const html = `<html><head><title>${escape(text.slice(0, 100_000))}</title></head><body><h1>老旧小区改造</h1><p>${PROSE}</p><p>${escape(text)}</p><p>${PROSE}</p></body></html>`;
  const doc = parseHtml(html, 'https://hostile.example/a.html');
  return () => cleanDocument(doc, 'https://hostile.example/a.html', { sanitize: nodeSanitizer() });
};

/**
 * What prose costs through a pipeline, measured once per run: a page's fixed cost (a short
 * page: parsing its frame, the sanitizer, the metadata readers) and the cost per character
 * of half a megabyte. A short hostile line is held to the first, a long one to both.
 */
const peers = new Map<string, Peer>();
function peerOf(name: string, pipeline: (text: string) => () => unknown): Peer {
  if (!peers.has(name)) {
    const fixedMs = leastCpuMs(pipeline(proseLike(200)), 3, noArticle);
    peers.set(name, { fixedMs, perCharMs: leastCpuMs(pipeline(proseLike(PIPELINE_SIZE)), 2, noArticle) / PIPELINE_SIZE });
  }
  return peers.get(name)!;
}

describe.each(ADVERSARIAL_LINES)('$name', ({ make }) => {
  it.each(ALL_RULES.map((r) => [r.id, r] as const))('rule %s stays linear', (_id, rule) => {
    expectLinearGrowth(make, (text) => rule.apply([textBlock(text)], { title: '老旧小区改造', boilerplate: [] }), MB);
  });

  it('metadata readers stay linear', () => {
    for (const reader of [readMetaLine, readBylineLine, findChineseDate]) expectLinearGrowth(make, (text) => reader(text), MB);
  });

  it('the text pipeline stays linear', () => {
    const text = make(PIPELINE_SIZE);
    expectLikePeer(() => cpuMs(textPipeline(text), noArticle), text.length, peerOf('text', textPipeline), PEER_FACTOR);
  });

  it('the DOM pipeline stays linear', () => {
    const text = make(PIPELINE_SIZE);
    const run = domPipeline(text);
    expectLikePeer(() => cpuMs(run, noArticle), text.length, peerOf('dom', domPipeline), PEER_FACTOR);
  });
});

describe('pages built against whole-page steps', () => {
  it('5,000 lines of ASCII punctuation', () => {
    const page = (lines: number) => `老旧小区改造\n${PROSE}\n${punctuationLines(lines).join('\n')}\n${PROSE}`;
    expectLinearGrowth((n) => page(n), (text) => cleanText(text, { sanitize: nodeSanitizer() }), 40_000, noArticle);
  });

  it('a headline matched against 20,000 <h1> of a 1.8 MB page', () => {
    const page = (count: number) => {
      const h1s = Array.from({ length: count }, (_, i) => `<h1>老旧小区改造进展第${i}期</h1>`).join('');
      return parseHtml(`<html><head><title>${'老旧小区改造'.repeat(50)}</title></head><body>${h1s}<p>${PROSE}</p></body></html>`, 'https://hostile.example/');
    };
    expectLinearGrowth(page, (doc) => chooseHeadline(doc, { pageTitle: doc.title, statedTitles: [], siteNames: [] }), 20_000);
  });

  it('a <title>, og:title, JSON-LD and headings of spaced words, megabytes long, cost linear time (Readability compares them word by word)', () => {
    const page = (words: number) => {
      const long = Array.from({ length: words }, (_, i) => `w${i}`).join(' ');
      const ld = JSON.stringify({ '@type': 'NewsArticle', name: long, headline: long });
      return `<html><head><title>${long}</title><meta property="og:title" content="${long}"><script type="application/ld+json">${ld}</script></head><body><h1>${long}</h1><h2>${long}</h2><p>${PROSE}</p><p>${PROSE}</p></body></html>`;
    };
    const run = (html: string) => cleanDocument(parseHtml(html, 'https://hostile.example/'), 'https://hostile.example/', { sanitize: nodeSanitizer() });
    expectLinearGrowth(page, run, 200_000, noArticle);
  });

  it('one paragraph with thousands of pictures inside its sentences reads in linear time', () => {
    const page = (n: number) => parseHtml(`<html><body><p>${'获得了5<img src="/p.jpg" width="300">00万元'.repeat(n)}</p></body></html>`, 'https://hostile.example/');
    expectLinearGrowth(page, (doc) => toBlocks(doc.body!, { baseUrl: 'https://hostile.example/' }), 20_000);
  });

  it('a realistic pager of 18 numbers ending in 跳转 is dropped, and longer pagers cost linear time', () => {
    const rule = ALL_RULES.find((r) => r.id === 'pager')!;
    const pager = (count: number) => [textBlock(`${Array.from({ length: count }, (_, i) => i + 1).join(' ')} 下一页 跳转`)];
    // Backtracking over n numbers costs 2^n: 32 against 2 would be a billion times, linear 16.
    expectLinearGrowth((n) => n, (n) => rule.apply(pager(n), { title: null, boilerplate: [] }), 32);
    const blocks = pager(18);
    rule.apply(blocks, { title: null, boilerplate: [] });
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
