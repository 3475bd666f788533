import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { laterPages } from '../lib/pages/pagination';
import { cleanDocument } from '../lib/pipeline';
import { draftRule } from '../lib/site-rules/draft';
import { importFtrConfig } from '../lib/site-rules/ftr';
import { hostMatches, matchingRules, pathMatches } from '../lib/site-rules/match';
import { type SiteRule, parseRules, ruleSwitch } from '../lib/site-rules/schema';
import { selectorFor } from '../lib/site-rules/selector';
import { xpathToCss } from '../lib/site-rules/xpath';
import type { CleanOptions } from '../lib/types';
import { expectLinearGrowth } from './helpers/linear';

const PAGE = readFileSync(join(import.meta.dirname, 'e2e', 'pages', 'site-rules', 'news-with-comments.html'), 'utf8');
const URL_ = 'http://news.jiangbei.example/news/2024/0418/elevator.html';
const FTR_DIR = join(import.meta.dirname, 'fixtures-rules', 'ftr');

const clean = (rules: SiteRule[], opts: CleanOptions = {}, html = PAGE, url = URL_) =>
  cleanDocument(parseHtml(html, url), url, { sanitize: nodeSanitizer(), siteRules: rules, ...opts });

function rule(fields: Partial<SiteRule>): SiteRule {
  const { rules, refused } = parseRules({ schema: 1, id: 'r', match: { hosts: ['news.jiangbei.example'] }, ...fields });
  expect(refused).toEqual([]);
  return rules[0]!;
}

const REPLY = '我们小区去年就开始协商了';

describe('site rules: schema', () => {
  const refusal = (entry: unknown) => parseRules(entry).refused[0]?.reason ?? '';

  it('takes a rule written as the format documents, one or an array, and drops unknown keys', () => {
    const one = { schema: 1, id: 'example-news', label: '示例新闻', match: { hosts: ['news.example.com', '.example.org'], paths: ['/2012/*'] }, content: ['#artibody'], futureKey: 1 };
    expect(parseRules(one).rules).toHaveLength(1);
    expect(parseRules(one).rules[0]).not.toHaveProperty('futureKey');
    expect(parseRules([one, { ...one, id: 'two' }]).rules.map((r) => r.id)).toEqual(['example-news', 'two']);
    expect(parseRules({ rules: [one] }).rules).toHaveLength(1); // a rule pack
  });

  it('refuses, with the reason, what is not inert data or would act everywhere', () => {
    expect(refusal({ schema: 1, id: 'x', match: {} })).toMatch(/every page/);
    expect(refusal({ schema: 2, id: 'x', match: { hosts: ['a.cn'] } })).toMatch(/schema 1/);
    expect(refusal({ schema: 1, id: 'x', match: { hosts: ['a.cn/path'] } })).toMatch(/match\.hosts\.0: not a host name/);
    expect(refusal({ schema: 1, id: 'x', match: { hosts: ['a.cn'] }, content: ['div:has(p)'] })).toMatch(/:has\(\)/);
    expect(refusal({ schema: 1, id: 'x', match: { hosts: ['a.cn'] }, tests: [{ url: 'javascript:alert(1)' }] })).toMatch(/not a web address/);
    expect(refusal({ schema: 1, id: 'x', match: { hosts: ['a.cn'] }, remove: ['x'.repeat(501)] })).toMatch(/500 characters/);
    expect(refusal({ schema: 1, id: '../x', match: { hosts: ['a.cn'] } })).toMatch(/id/);
    expect(refusal('not a rule')).toMatch(/Object/i);
  });

  it('refuses a selector the DOM cannot parse when given the DOM to ask', () => {
    const doc = parseHtml('<p>x</p>', 'http://a.cn/', 'jsdom');
    const works = (s: string) => {
      try {
        doc.querySelector(s);
        return true;
      } catch {
        return false;
      }
    };
    const out = parseRules([{ schema: 1, id: 'bad', match: { hosts: ['a.cn'] }, remove: ['div[[['] }, { schema: 1, id: 'good', match: { hosts: ['a.cn'] }, remove: ['div.ad'] }], works);
    expect(out.rules.map((r) => r.id)).toEqual(['good']);
    expect(out.refused).toEqual([{ index: 1, id: 'bad', reason: 'not a valid CSS selector: div[[[' }]);
  });
});

describe('site rules: matching', () => {
  it('a host is that host; a leading dot is the domain and its subdomains', () => {
    expect(hostMatches('news.example.com', 'news.example.com')).toBe(true);
    expect(hostMatches('news.example.com', 'www.news.example.com')).toBe(false);
    expect(hostMatches('.example.org', 'example.org')).toBe(true);
    expect(hostMatches('.example.org', 'bbs.example.org')).toBe(true);
    expect(hostMatches('.example.org', 'badexample.org')).toBe(false);
  });

  it('paths take * wildcards and nothing else', () => {
    expect(pathMatches('/2012/*', '/2012/05/a.html')).toBe(true);
    expect(pathMatches('/2012/*', '/2013/05/a.html')).toBe(false);
    expect(pathMatches('/*/content_*.htm', '/2012-05/09/content_1.htm')).toBe(true);
    expect(pathMatches('/a.html', '/a.html')).toBe(true);
    expect(pathMatches('/a.(html)', '/a.html')).toBe(false); // no regular expressions
    expect(pathMatches('/a*b*c', '/abbc')).toBe(true);
    expect(pathMatches('/a*b*c', '/acb')).toBe(false);
  });

  it('wildcard matching grows linearly with the path, however many stars', () => {
    const pattern = `/${'a*'.repeat(200)}b`;
    expectLinearGrowth((n) => `/${'a'.repeat(n)}`, (path) => pathMatches(pattern, path), 1 << 20);
  });

  it('orders the rules that apply from this page to its site to its engine; others do not apply', () => {
    const doc = parseHtml('<div id="postlist"><td class="t_f">x</td></div>', 'http://bbs.example.cn/thread-1-1-1.html');
    const rules = parseRules([
      { schema: 1, id: 'engine', match: { dom: ['#postlist'] } },
      { schema: 1, id: 'site', match: { hosts: ['.example.cn'] } },
      { schema: 1, id: 'page', match: { urls: ['http://bbs.example.cn/thread-1-1-1.html#pid3'] } },
      { schema: 1, id: 'other-site', match: { hosts: ['other.cn'] } },
      { schema: 1, id: 'other-engine', match: { dom: ['#js_content'] } },
      { schema: 1, id: 'off', enabled: false, match: { hosts: ['bbs.example.cn'] } },
    ]).rules;
    expect(matchingRules(rules, doc, 'http://bbs.example.cn/thread-1-1-1.html').map((m) => `${m.rule.id}:${m.scope}`)).toEqual(['page:page', 'site:site', 'engine:engine']);
  });
});

describe('site rules in the pipeline', () => {
  it('automatic extraction keeps the replies this page prints in its article column', () => {
    expect(clean([]).paragraphs.join('\n')).toContain(REPLY);
  });

  it("removes what a rule names, reported under the rule's own switch; switched off, it is back", () => {
    const r = rule({ label: '江北新闻网', remove: ['#replyBox'] });
    const article = clean([r]);
    expect(article.paragraphs.join('\n')).not.toContain(REPLY);
    expect(article.paragraphs).toHaveLength(5);
    const item = article.removed.find((i) => i.rule === ruleSwitch(r));
    expect(item?.count).toBe(1);
    expect(item?.samples[0]).toContain(REPLY);
    expect(article.siteRules).toEqual([{ id: 'r', label: '江北新闻网', scope: 'site', content: 'not-set', fields: [], removed: 1 }]);
    const off = clean([r], { disabledRules: [ruleSwitch(r)] });
    expect(off.paragraphs.join('\n')).toContain(REPLY);
    expect(off.siteRules).toBeUndefined();
  });

  it("takes the article from the first selector of the content chain that matches, without Readability's guess", () => {
    const article = clean([rule({ content: ['#nothing-here', 'div.art-text > p'] })]);
    expect(article.paragraphs).toHaveLength(5);
    expect(article.siteRules?.[0]?.content).toBe('chosen');
  });

  it('a content chain that matches nothing falls back to automatic extraction and says so', () => {
    const article = clean([rule({ content: ['#gone', '.also-gone'] })]);
    expect(article.paragraphs.join('\n')).toContain('加装电梯最难的是邻里协商');
    expect(article.siteRules?.[0]?.content).toBe('fell-back');
  });

  it('a block the user chose is the article however short, where automatic extraction finds none', () => {
    const html = '<html><head><title>图片新闻</title></head><body><div class="nav"><a href="/">首页</a></div><div class="pic-item"><img src="/a.jpg"><p class="pic-text">江边晨雾</p></div></body></html>';
    expect(() => clean([], {}, html, 'http://pic.example.cn/1.html')).toThrow();
    const article = clean([{ schema: 1, id: 'pic', match: { hosts: ['pic.example.cn'] }, content: ['.pic-item'] }], {}, html, 'http://pic.example.cn/1.html');
    expect(article.paragraphs).toEqual(['江边晨雾']);
  });

  it('keep protects a block from the rule that removes what holds it', () => {
    const article = clean([rule({ remove: ['.reply'], keep: ['.reply:nth-of-type(2)'] })]);
    const text = article.paragraphs.join('\n');
    expect(text).not.toContain(REPLY);
    expect(text).toContain('建新村那部电梯我去看过');
  });

  it('reads each field where the rule says, outranking what was found automatically', () => {
    const html = PAGE.replace('<div class="art-info">', '<div class="art-info"><span class="by">作者：王晓川</span><span class="ed">责任编辑：周敏</span><time datetime="2024-04-17T20:00:00+08:00">昨天</time>');
    const article = clean([rule({ fields: { title: 'div.crumb', author: '.by', editor: '.ed', source: ['.missing', '.art-source'], date: { selector: 'time', attr: 'datetime' } } })], {}, html);
    expect(article.title).toBe('当前位置：首页 > 江北新闻 > 正文');
    expect(article.author).toBe('王晓川');
    expect(article.editor).toBe('周敏');
    expect(article.source).toBe('江北日报');
    expect(article.published).toBe('2024-04-17T20:00:00+08:00');
    expect(article.siteRules?.[0]?.fields.sort()).toEqual(['author', 'date', 'editor', 'source', 'title']);
  });

  it('a more specific rule wins a field; rules for the site and the engine still add their removals', () => {
    const page = { schema: 1 as const, id: 'page', match: { urls: [URL_] }, fields: { title: 'h1.art-title' } };
    const site = rule({ id: 'site', fields: { title: 'div.crumb' }, remove: ['.reply:first-child'] });
    const article = clean([site, page]);
    expect(article.title).toBe('江北区老旧小区加装电梯提速 今年再开工120部');
    expect(article.paragraphs.join('\n')).not.toContain(REPLY);
    expect(article.siteRules?.map((r) => `${r.id}:${r.scope}:${r.fields.join()}`)).toEqual(['page:page:title', 'site:site:']);
  });

  it("takes lazy pictures' real address from the attribute the rule names", () => {
    const html = PAGE.replace('<p>下一步', '<p><img src="/grey.gif" data-lazy-src="/pics/elevator.jpg" alt="新装电梯" width="600" height="400"></p><p>下一步');
    expect(clean([]).images.map((i) => i.src)).not.toContain('http://news.jiangbei.example/pics/elevator.jpg');
    const article = clean([rule({ pictures: { srcAttr: 'data-lazy-src' } })], {}, html);
    expect(article.images.map((i) => i.src)).toContain('http://news.jiangbei.example/pics/elevator.jpg');
  });

  it('follows the next-page link a rule names', () => {
    const html = '<div class="pages"><a class="nextpage" href="/news/2024/0418/elevator-p2.html">继续阅读</a><a href="/other.html">2</a></div>';
    const doc = parseHtml(html, URL_);
    expect(laterPages(doc, URL_)).toEqual([]);
    expect(laterPages(doc, URL_, 'a.nextpage')).toEqual(['http://news.jiangbei.example/news/2024/0418/elevator-p2.html']);
    expect(laterPages(doc, URL_, 'a[href="/other.html"]')).toEqual(['http://news.jiangbei.example/other.html']);
    const offSite = parseHtml('<a class="nextpage" href="http://elsewhere.example/p2.html">下一页</a>', URL_);
    expect(laterPages(offSite, URL_, 'a.nextpage')).toEqual([]);
  });
});

describe('the picker: selectors and drafts', () => {
  const doc = parseHtml(
    `<body><div id="main"><div class="css-1x9zq8 article-body content"><p>a</p></div><ul class="list"><li>1</li><li class="active">2</li></ul></div>
     <div class="side"><div class="box"><p>x</p></div><div class="box"><p>y</p></div></div><div id="post_123456"><span>z</span></div></body>`,
    'http://a.cn/',
  );
  it('names a block by a stable id or class, never a generated one, and finds exactly it', () => {
    const body = doc.querySelector('.article-body')!;
    expect(selectorFor(body, doc)).toBe('div.article-body.content');
    expect(selectorFor(doc.querySelector('#main')!, doc)).toBe('#main');
    const second = doc.querySelectorAll('.box')[1]!;
    const sel = selectorFor(second, doc);
    expect(doc.querySelectorAll(sel)).toHaveLength(1);
    expect(doc.querySelector(sel)).toBe(second);
    const span = doc.querySelector('#post_123456 span')!;
    expect(selectorFor(span, doc)).not.toMatch(/123456/);
    expect(doc.querySelector(selectorFor(span, doc))).toBe(span);
  });

  it('drafts a rule for this page, this site or the engine from the picks', () => {
    const picks = [
      { verb: 'content' as const, selector: '#a' },
      { verb: 'remove' as const, selector: '.c' },
      { verb: 'remove' as const, selector: '.c' },
      { verb: 'title' as const, selector: 'h1' },
      { verb: 'content' as const, selector: '#b' },
    ];
    const family = { id: 'discuz', label: 'Discuz! forum thread', signature: ['#postlist'] };
    const site = draftRule(picks, 'site', 'http://www.bbs.cn/t/1.html#top', family, 0);
    expect(site).toMatchObject({ match: { hosts: ['www.bbs.cn'] }, content: ['#b'], remove: ['.c'], fields: { title: 'h1' } });
    expect(draftRule(picks, 'page', 'http://www.bbs.cn/t/1.html#top', family, 0).match).toEqual({ urls: ['http://www.bbs.cn/t/1.html'] });
    expect(draftRule(picks, 'engine', 'http://www.bbs.cn/t/1.html', family, 0).match).toEqual({ dom: ['#postlist'] });
    expect(parseRules([site]).refused).toEqual([]);
  });
});

describe('XPath from other rule files', () => {
  it('becomes CSS where CSS says the same', () => {
    expect(xpathToCss("//div[@id = 'bodyContent']").selector).toBe('div#bodyContent');
    expect(xpathToCss("//*[@id='comments' or @id='respond']").selector).toBe('#comments, #respond');
    expect(xpathToCss("//div[contains(concat(' ',normalize-space(@class),' '),' navigation ')]").selector).toBe('div.navigation');
    expect(xpathToCss("//meta[@property='og:title']/@content")).toEqual({ selector: 'meta[property="og:title"]', attr: 'content' });
    expect(xpathToCss("//div[starts-with(@id,'post')]//p[2]").selector).toBe('div[id^="post"] p:nth-of-type(2)');
    expect(xpathToCss('/html/body/div[1]').selector).toBe(':root > body > div:nth-of-type(1)');
    expect(xpathToCss("//div[@class='a'] | //span[@id='b']").selector).toBe('div[class="a"], span#b');
  });

  it('refuses what CSS cannot say, with the reason', () => {
    expect(() => xpathToCss("//p[contains(text(),'👉')]")).toThrow(/text/);
    expect(() => xpathToCss('//div/following-sibling::p')).toThrow(/axes/);
    expect(() => xpathToCss("//div[@class='a'][2]")).toThrow(/position/);
    expect(() => xpathToCss('//div[count(p) > 2]')).toThrow(/no CSS equivalent/);
  });

  it('reads hostile input in linear time (xpath-to-css takes exponential time on nested brackets)', () => {
    expectLinearGrowth((n) => `//a${'[a['.repeat(n / 3)}`, (x) => {
      try {
        xpathToCss(x.slice(0, 1000));
      } catch {
        /* refused */
      }
    }, 1 << 14);
    expectLinearGrowth((n) => `//a[@b='${"'".repeat(n)}`, (x) => {
      try {
        xpathToCss(x);
      } catch {
        /* refused */
      }
    }, 900);
  });
});

describe('importing ftr-site-config files', () => {
  const load = (name: string) => importFtrConfig(readFileSync(join(FTR_DIR, name), 'utf8'), name);

  it('wordpress.com: body chain, fields, strips and tests come over; what has no equivalent is listed', () => {
    const { rule: r, notImported } = load('.wordpress.com.txt');
    expect(r!.match).toEqual({ hosts: ['.wordpress.com'] });
    expect(r!.content).toEqual([
      'div#content div[class*="entry-content"], div#content div[class*="entrytext"], div#content div[class="main"], div#content div[class="entry"]',
      'div#content',
      'article div[class="entry-content"]',
    ]);
    expect(r!.fields?.title).toEqual([{ selector: 'meta[property="og:title"]', attr: 'content' }]);
    expect(r!.fields?.author).toEqual(['div[class*="entry-meta"] a[rel="author"]']);
    expect(r!.remove).toContain('#comments, #respond');
    expect(r!.remove).toContain('[id*="sharedaddy"], [class*="sharedaddy"]');
    expect(r!.remove).toContain('div.navigation');
    expect(r!.tests).toEqual([
      { url: 'https://elisehahn.wordpress.com/2013/09/22/looking-back-to-move-forward-navigating-race-and-racism-in-neoliberal-terrain/', contains: ['On this rather gloomy first day of fall'] },
      { url: 'https://bernardrentier.wordpress.com/2025/12/08/prudence-methodologique-et-honnetete-interpretative-des-valeurs-non-negociables/', contains: ['Le communiqué de presse qui en a été fait a provoqué'] },
    ]);
    expect(notImported.map((n) => n.text)).toEqual(['prune: no']);
  });

  it('tvbs.com.tw: the text() strip and the find/replace lines are listed as not imported', () => {
    const { rule: r, notImported } = load('.tvbs.com.tw.txt');
    expect(r!.content).toEqual(['div[class="article_content"]']);
    expect(r!.remove).toEqual(['div[class="guangxuan"]', 'span[class="endtext"]']);
    expect(notImported.map((n) => n.line)).toEqual([6, 10, 11, 13, 14]); // line 1 is the note of where the file comes from
    expect(notImported[0]!.reason).toMatch(/no CSS equivalent/);
    expect(notImported[1]!.reason).toMatch(/text replacement/);
  });

  it('wikipedia.org: every strip comes over, the request header does not', () => {
    const { rule: r, notImported } = load('.wikipedia.org.txt');
    expect(r!.remove).toHaveLength(13);
    expect(r!.tests).toHaveLength(3);
    expect(notImported.map((n) => n.text)).toEqual(['http_header(user-agent): Mozilla/5.2', 'prune: no', 'tidy: no']);
  });

  it('an imported rule cleans a page of its site', () => {
    const { rule: r } = load('.wikipedia.org.txt');
    const html = `<html><head><title>長江 - 維基百科</title></head><body><div id="mw-navigation"><a href="/">首頁</a></div><h1 id="firstHeading">長江</h1>
      <div id="bodyContent"><div id="contentSub">重定向自揚子江</div><div id="toc">目錄 1 名稱 2 地理</div>
      <p>長江是亞洲第一長河，全長約六千三百公里，發源於青藏高原唐古拉山脈主峰各拉丹冬雪山西南側，幹流流經青海、西藏、四川、雲南等省區，最後在上海匯入東海。</p>
      <p>長江流域面積約一百八十萬平方公里，約佔中國陸地總面積的五分之一，流域內人口眾多，是中國經濟最發達的地區之一，也是重要的糧食產區。</p>
      <div id="catlinks">分類：中國河流</div></div></body></html>`;
    const article = clean([r!], {}, html, 'https://zh.wikipedia.org/wiki/長江');
    expect(article.title).toBe('長江');
    expect(article.paragraphs).toHaveLength(2);
    expect(article.removed.find((i) => i.rule === ruleSwitch(r!))?.count).toBe(3);
  });

  it('a file name that names no site gives no rule, and says why', () => {
    expect(importFtrConfig('body: //div', 'notes').rule).toBeNull();
    expect(importFtrConfig('body: //div', '..txt').notImported[0]!.reason).toMatch(/names no site/);
  });
});

describe('edits before saving', () => {
  it('what the user typed is the article: title, author, source, date, and it is no guess', async () => {
    const { withEdits } = await import('../lib/article/edits');
    const article = clean([]);
    const edited = withEdits({ ...article, confidence: { author: 'low', published: 'low' } }, { title: '  加装电梯：江北再开工120部 ', author: '王晓川', source: '', published: '2024年4月18日 10:30' });
    expect(edited).toMatchObject({ title: '加装电梯：江北再开工120部', author: '王晓川', byline: '王晓川', source: null, published: '2024-04-18T10:30:00', confidence: { author: 'high', published: 'high' } });
    expect(withEdits(article, { title: '' }).title).toBe(article.title); // an article keeps a title
    expect(article.title).toBe('江北区老旧小区加装电梯提速 今年再开工120部'); // the original is never changed
  });
});
