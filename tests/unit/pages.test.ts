import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../../cli/node-dom';
import { MergeStoppedError, collectPages, decodePage } from '../../lib/pages/collect';
import { STOPPED_BY_READER } from '../../lib/messages';
import { laterPages } from '../../lib/pages/pagination';
import { cleanDocument } from '../../lib/pipeline';
import type { CleanOptions } from '../../lib/types';
import { threadPages } from '../helpers/thread-pages';

const PAGED = join(import.meta.dirname, '..', 'e2e', 'pages', 'paged');
const SITE = 'https://www.nanhu.example/news/2024/0603/';
const doc = (body: string) => new JSDOM(`<body>${body}</body>`).window.document;

/** The GBK pages as a browser would load them: no charset from the server, <meta charset=gbk>. */
function loadPaged(name: string): Document {
  return parseHtml(decodePage(new Uint8Array(readFileSync(join(PAGED, name))), 'text/html', 'utf-8'), SITE + name);
}

describe('finding an article’s later pages', () => {
  it('follows name_2.html pagers, in page order, and ignores links to other articles', () => {
    const page = doc('<div class="page"><a href="3107_3.html">3</a><a href="3107_2.html">2</a><a href="3107_2.html">下一页</a></div><a href="3108.html">另一篇报道</a><a href="3108_2.html">2</a>');
    expect(laterPages(page, 'https://x.example/n/3107.html')).toEqual(['https://x.example/n/3107_2.html', 'https://x.example/n/3107_3.html']);
  });

  it('knows where it is when opened on a middle page', () => {
    const page = doc('<a href="3107.html">1</a><a href="3107_3.html">3</a><a href="3107_3.html">下一页</a>');
    expect(laterPages(page, 'https://x.example/n/3107_2.html')).toEqual(['https://x.example/n/3107_3.html']);
  });

  it('follows ?page=N for the same article only', () => {
    const page = doc('<a href="show.php?id=5&page=2">2</a><a href="show.php?id=6&page=2">2</a><a href="https://elsewhere.example/show.php?id=5&page=3">3</a>');
    expect(laterPages(page, 'https://x.example/show.php?id=5')).toEqual(['https://x.example/show.php?id=5&page=2']);
  });

  it('finds nothing on a page without a pager', () => {
    expect(laterPages(doc('<p>正文</p><a href="/news/1.html">相关新闻</a>'), 'https://x.example/news/2.html')).toEqual([]);
  });
});

describe('merging a split article', () => {
  const clean = (d: Document, url: string, extra: CleanOptions = {}) => cleanDocument(d, url, { sanitize: nodeSanitizer(), ...extra });
  const first = loadPaged('report.htm');

  it('decodes GBK pages by their <meta> and appends every page in order, metadata from the first', async () => {
    const merged = await collectPages(clean(first, SITE + 'report.htm'), first, SITE + 'report.htm', { mergePages: true }, { load: async (url) => loadPaged(url.slice(SITE.length)), clean });
    expect(merged.title).toBe('南湖镇农村生活污水治理两年全覆盖');
    expect(merged.source).toBe('南湖日报');
    expect(merged.paragraphs).toHaveLength(5);
    expect(merged.paragraphs[0]).toMatch(/^入夏以来/);
    expect(merged.paragraphs[4]).toMatch(/^目前，全镇已有十一个村/);
    expect(merged.mergedPages).toEqual([SITE + 'report_2.htm', SITE + 'report_3.htm']);
    expect(merged.contentHtml).not.toMatch(/下一页|版权所有/);
  });

  it('keeps what it has when a later page fails to load, and says which page failed and why', async () => {
    const notMerged: string[] = [];
    const merged = await collectPages(clean(first, SITE + 'report.htm'), first, SITE + 'report.htm', { mergePages: true }, {
      load: async (url) => {
        if (url.endsWith('report_3.htm')) throw new Error(`${url}: HTTP 503`);
        return loadPaged(url.slice(SITE.length));
      },
      clean,
      notMerged: (url, reason) => void notMerged.push(`${url} ${reason}`),
    });
    expect(merged.paragraphs).toHaveLength(4);
    expect(merged.mergedPages).toEqual([SITE + 'report_2.htm']);
    expect(notMerged).toEqual([`${SITE}report_3.htm ${SITE}report_3.htm: HTTP 503`]);
  });

  it('tells how far it has got, and once the reader stops, loads no further page and says the rest were stopped', async () => {
    const seen: string[] = [];
    const notMerged: string[] = [];
    let stop = false;
    // The reader stops while page 3 is loading: its fetch is aborted.
    const stopped = await collectPages(clean(first, SITE + 'report.htm'), first, SITE + 'report.htm', { mergePages: true }, {
      load: async (url) => {
        seen.push(url);
        if (url.endsWith('report_3.htm')) {
          stop = true;
          throw new MergeStoppedError();
        }
        return loadPaged(url.slice(SITE.length));
      },
      clean,
      progress: (loaded, known) => void notMerged.push(`at ${loaded}/${known}`),
      stopped: () => stop,
      notMerged: (url, reason) => void notMerged.push(`${url} ${reason}`),
    });
    expect(stopped.mergedPages).toEqual([SITE + 'report_2.htm']);
    expect(seen).toEqual([SITE + 'report_2.htm', SITE + 'report_3.htm']);
    expect(notMerged).toEqual(['at 0/2', 'at 1/2', `${SITE}report_3.htm ${STOPPED_BY_READER}`]);
  });

  it('never merges a forum thread’s later pages (other people’s replies) unless asked for the starter’s posts', async () => {
    const thread = clean(first, SITE + 'report.htm');
    const merged = await collectPages({ ...thread, template: { ...thread.template, id: 'discuz' } }, first, SITE + 'report.htm', { mergePages: true }, {
      load: async () => {
        throw new Error('must not load');
      },
      clean,
    });
    expect(merged.mergedPages).toBeUndefined();
  });

  it('collects the thread starter’s posts from a thread’s later pages, and nobody else’s', async () => {
    const FORUM = 'https://bbs.binjiang.example/';
    const pages = threadPages();
    const load = async (url: string) => parseHtml(pages[url.slice(FORUM.length)]!, url);
    const options: CleanOptions = { allPostsByStarter: true, mergePages: true };
    const page1 = await load(FORUM + 'thread-9088-1-1.html');
    expect(laterPages(page1, FORUM + 'thread-9088-1-1.html')).toEqual([FORUM + 'thread-9088-2-1.html']);
    const firstPage = clean(page1, FORUM + 'thread-9088-1-1.html', options);
    const merged = await collectPages(firstPage, page1, FORUM + 'thread-9088-1-1.html', options, { load, clean: (d, u, extra) => clean(d, u, { ...options, ...extra }) });
    const body = merged.paragraphs.join('\n');
    expect(merged.paragraphs.at(-1)).toMatch(/^再更新一下：停车棚已经开工/);
    expect(body).not.toMatch(/老街坊王姐|充电口一直不够用|分摊费用|Lk9/);
    expect(merged.poster).toBe('江边老李');
  });
});
