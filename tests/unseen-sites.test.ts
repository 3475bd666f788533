/**
 * Mechanisms for sites the project has never seen: each case is markup written after the
 * kinds of pages that went wrong on other sites (an article inside one link, a CMS element
 * cut by the parser, datelines, link runs, infobox dates, headlines longer than <title>).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { readBylineLine, bylineInProse } from '../lib/metadata/byline';
import { readMetaLine } from '../lib/metadata/fields';
import { cleanDocument } from '../lib/pipeline';

const URL_ = 'http://news.example.cn/2019/0612/3381.html';
const clean = (html: string, url = URL_) => cleanDocument(parseHtml(html, url), url, { sanitize: nodeSanitizer() });
const P = [
  '今年以来，县住建局利用城区边角地、闲置地，新建了三座口袋公园，总面积约八千平方米，已于本月初全部向市民开放。',
  '位于老城区解放路与人民路交叉口的“解放园”原是一片废弃的停车场，改造后种植了香樟、桂花等乔木一百多株，并设置了健身步道和儿童游乐区。',
  '县住建局负责人介绍，口袋公园建设坚持“小而美、精而特”，每座公园都征求了周边居民的意见，下一步还将再建设五座。',
];
const page = (body: string, title = '县城新建三座口袋公园 市民家门口就能遛弯_滨江新闻网', head = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/city/">城市</a></div>${body}<div class="foot">滨江新闻网 版权所有</div></body></html>`;

describe('articles automatic extraction used to miss', () => {
  it('an article wrapped in one link is read as the article, as plain Readability reads it', () => {
    const html = page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><div class="text"><a href="/news/2019/0612/3381.html" target="_blank">${P.map((p) => `<p>${p}</p>`).join('')}</a></div></div>`);
    expect(new Readability(parseHtml(html, URL_, 'jsdom')).parse()?.textContent).toContain(P[1]);
    expect(clean(html).paragraphs).toEqual(P);
  });

  it('teaser cards in links stay links: no prose in them, nothing unwrapped into the article', () => {
    const cards = [1, 2, 3].map((n) => `<a href="/n/${n}.html"><div class="card"><img src="/p${n}.jpg"><h3>相关报道第${n}篇：公园建设</h3></div></a>`).join('');
    const html = page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div><div class="related">${cards}</div></div>`);
    expect(clean(html).paragraphs.join('\n')).not.toContain('相关报道');
  });

  it("a CMS's own element opened inside the first paragraph, and cut there by the parser, still gives the whole article", () => {
    const html = page(`<div class="article"><h1>全市秋粮收购进度过半</h1><div class="content"><p><founder-content>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></founder-content></p></div></div>`, '全市秋粮收购进度过半_江城日报');
    expect(clean(html).paragraphs).toEqual(P);
  });

  it('when the family its markers suggest holds no article, the page is read as Readability reads it', () => {
    const html = page(`<founder-content></founder-content><div class="article"><h1>全市秋粮收购进度过半</h1>${P.map((p) => `<p>${p}</p>`).join('')}</div>`, '全市秋粮收购进度过半_江城日报');
    const article = clean(html);
    expect(article.paragraphs).toEqual(P);
  });
});

describe('bylines', () => {
  it('reads a dateline credit opening or closing the report, with or without 记者', () => {
    expect(readBylineLine('（姚峰 上海报道）')?.author).toBe('姚峰');
    expect(readBylineLine('【記者王小明╱台北報導】')?.author).toBe('王小明');
    expect(readBylineLine('【王小明╱台北報導】')?.author).toBe('王小明');
    expect(readBylineLine('（记者 张建 北京电）')?.author).toBe('张建');
    expect(bylineInProse('【記者王小明╱台北報導】台北市政府今天宣布，明年起將擴大補助老舊公寓加裝電梯。', undefined)?.author).toBe('王小明');
    expect(bylineInProse('本报讯 市里今天宣布。', '市里将继续推进这项工作，力争年底前全部完工。（姚峰 上海报道）')?.author).toBe('姚峰');
    // A place alone, or an agency's dateline, names nobody.
    expect(readBylineLine('（上海报道）')).toBeNull();
    expect(bylineInProse('x', '市里将继续推进这项工作。（新华社北京电）')).toBeNull();
  });

  it('keeps a Latin name given after the Chinese one', () => {
    expect(readBylineLine('文／陳大文（Chen Ta-wen）')?.author).toBe('陳大文（Chen Ta-wen）');
  });

  it('a photographer named with 记者 is a credit, not the writer', () => {
    expect(readBylineLine('摄影记者 李明')).toBeNull();
    expect(readBylineLine('（记者 王明 摄）')).toBeNull();
    expect(readBylineLine('改造后的解放园一角（记者 王明 摄）')).toBeNull();
    expect(readBylineLine('（记者 王明）')?.author).toBe('王明');
    // Under a picture, that line is the picture's, and it stays in the article.
    const html = page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text"><p>${P[0]}</p><p><img src="/pic/park.jpg" width="600"></p><p>改造后的解放园一角（记者 王明 摄）</p><p>${P[1]}</p></div></div>`);
    const article = clean(html);
    expect(article.author).toBeNull();
    expect(article.contentHtml).toContain('改造后的解放园一角');
    expect(readBylineLine('本报记者 王燕平 摄影记者 李明')?.author).toBe('王燕平');
  });

  it('never takes a name from a run of links under the headline (a menu, a list of headlines)', () => {
    const html = page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><ul class="tags"><li><a href="/t/1">王明</a></li><li><a href="/t/2">李华</a></li></ul><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    expect(clean(html).author).toBeNull();
    const named = page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><p class="by">王明</p><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    expect(clean(named).author).toBe('王明');
  });
});

describe('bylines beyond the first ones', () => {
  it('keeps a Latin name after the Chinese one when its words are spaced, in a byline and after 作者：', () => {
    expect(readBylineLine('文／彼得·史密斯（Peter Smith）')?.author).toBe('彼得·史密斯（Peter Smith）');
    expect(readMetaLine('2019-06-12 作者：彼得·史密斯（Peter Smith）')?.author).toBe('彼得·史密斯（Peter Smith）');
    expect(readMetaLine('作者：王明（本报记者）')?.author).toBe('王明');
  });

  it('a bracketed menu label above the headline is no writer; a bracketed name beside a date is', () => {
    expect(readBylineLine('【贺卡】 调查 民意调查')).toBeNull();
    expect(readBylineLine('【黄宇】 2004-07-16 08:19')?.author).toBe('黄宇');
    const html = page(`<div class="menu"><a href="/card/">【贺卡】</a> <a href="/poll/">调查</a> <a href="/poll/list">民意调查</a></div><div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><div class="info">2019-06-12 08:00</div><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    expect(clean(html).author).toBeNull();
  });

  it("a blog's or a forum's poster line names the writer where no family reads the page", () => {
    expect(readMetaLine('博主：李明')?.author).toBe('李明');
    expect(readMetaLine('楼主：山野行者 时间：2012-05-06 21:14:00')).toMatchObject({ author: '山野行者', published: '2012-05-06T21:14:00' });
    expect(readMetaLine('发帖人：山野行者')?.author).toBe('山野行者');
    expect(readMetaLine('Posted by duscha on 2012-05-06')).toMatchObject({ author: 'duscha', published: '2012-05-06' });
    // The name ends where the time begins.
    expect(readMetaLine('作者：山野行者 发表于 2012-05-06 21:14')?.author).toBe('山野行者');
    // A site's desk or its software is no poster.
    expect(readMetaLine('发布者：新闻中心')?.author).toBeUndefined();
    expect(readMetaLine('发布者：admin')?.author).toBeUndefined();
  });

  it("a photographer's credit beside the source is a credit: the source stays the source", () => {
    expect(readMetaLine('2019-06-12 08:00 来源：新华网 摄影：王强')).toMatchObject({ source: '新华网', credits: ['摄影：王强'] });
    expect(readMetaLine('来源：新华网 摄影：王强')?.author).toBeUndefined();
  });

  it("the site's English short name in the author tag is not the writer; a person's Latin name there is", () => {
    const head = (author: string) => `<meta name="author" content="${author}">`;
    const body = `<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    expect(clean(page(body, '县城新建三座口袋公园 市民家门口就能遛弯 - BJNews', head('BJNews'))).author).toBeNull();
    expect(clean(page(body, '县城新建三座口袋公园 市民家门口就能遛弯', head('news'))).author).toBeNull(); // a label of the host
    expect(clean(page(body, '县城新建三座口袋公园 市民家门口就能遛弯 - BJNews', head('duscha'))).author).toBe('duscha');
  });
});

describe('dates', () => {
  it('a birth or founding date in an infobox is not the publication date', () => {
    expect(readMetaLine('出生：1950年3月2日')).toBeNull();
    expect(readMetaLine('成立于1998年5月3日')).toBeNull();
    const html = page(`<div class="main"><h1>县城新建三座口袋公园</h1><table class="infobox"><tr><td>出生日期：1950年3月2日</td></tr></table><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    expect(clean(html).published).not.toBe('1950-03-02');
  });

  it('a month with no day after a publish key is the date as precise as the page gives it', () => {
    expect(readMetaLine('发表时间：2003-5')?.published).toBe('2003-05');
    expect(readMetaLine('日期：2003年5月')?.published).toBe('2003-05');
    expect(readMetaLine('2003-5')).toBeNull(); // no key: a score, a range, anything
  });

  it('takes a date stated just below the article when nothing above states one, never a related article\'s', () => {
    const below = page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div><p class="time">发布时间：2019-06-12 08:30</p></div>`);
    expect(clean(below).published).toBe('2019-06-12T08:30:00');
    const related = page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div><ul class="related"><li><a href="/1.html">全市新增绿地</a> 2019-05-30</li></ul></div>`);
    expect(clean(related).published).toBeNull();
  });
});

describe('headlines', () => {
  it("with a <title> that is only the site's name, the masthead naming the site is passed over for the article's heading", () => {
    const body = (masthead: string) => `${masthead}<div class="main"><h2>县城新建三座口袋公园</h2><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    expect(clean(page(body('<h1 class="logo">滨江新闻网</h1>'), '滨江新闻网')).title).toBe('县城新建三座口袋公园');
    expect(clean(page(body('<h1><a href="http://news.example.cn/">滨江新闻网</a></h1>'), '滨江新闻网')).title).toBe('县城新建三座口袋公园');
    expect(clean(page(body('<div id="logo"><a href="/index.html"><b>滨江新闻网</b></a></div>'), '滨江新闻网')).title).toBe('县城新建三座口袋公园');
    // A headline linking to its own page is still the headline.
    expect(clean(page(`<div class="main"><h1><a href="/2019/0612/3381.html">县城新建三座口袋公园</a></h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`, '县城新建三座口袋公园_滨江新闻网')).title).toBe('县城新建三座口袋公园');
  });

  it("the page's h1 that says more than <title> is the headline", () => {
    const html = page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯 明年再建五座</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div><ul><li><a href="/a">县城新建三座口袋公园</a></li></ul></div>`, '县城新建三座口袋公园_滨江新闻网');
    expect(clean(html).title).toBe('县城新建三座口袋公园 市民家门口就能遛弯 明年再建五座');
  });

  it("keeps a slideshow's counter that <title> gives", () => {
    const html = page(`<div class="main"><h2>口袋公园建成开放</h2><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`, '口袋公园建成开放(5/7)_图片频道_滨江新闻网');
    expect(clean(html).title).toBe('口袋公园建成开放(5/7)');
  });

  it('a short h1 that is a whole part of <title> is the headline', () => {
    const html = page(`<h1 id="firstHeading">長江</h1><div id="bodyContent">${P.map((p) => `<p>${p}</p>`).join('')}</div>`, '長江 - 維基百科，自由的百科全書');
    expect(clean(html).title).toBe('長江');
  });

  it('a label over a list is never the headline', () => {
    const html = `<html><head><title>显示</title></head><body><b>相關文章關鍵字：台北 市政</b><center><b>口袋公园建成开放</b></center>${P.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    expect(clean(html).title).toBe('口袋公园建成开放');
  });
});

describe('what follows the article', () => {
  const body = (tail: string) =>
    page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}${tail}</div></div>`);

  it("readers' comments under the article go, however sentence-like, with their heading", () => {
    const comments = `<h3>网友评论</h3><div class="c"><p>滨江网友 2019-06-12 10:05</p><p>我们小区旁边那块空地荒了好几年，要是也能改成口袋公园就好了，老人孩子都有地方去。</p><p>老城居民 2019-06-12 10:21</p><p>解放园去看过了，确实不错，就是晚上灯光有点暗，希望能再加几盏路灯。</p></div>`;
    const article = clean(body(comments));
    expect(article.paragraphs).toEqual(P);
    expect(article.removed.find((r) => r.rule === 'trailing-sections')?.samples[0]).toBe('网友评论');
  });

  it('comment entries without a heading go too: a poster and a time, entry after entry', () => {
    const entries = `<p>1楼 滨江网友 2019-06-12 10:05 回复</p><p>我们小区旁边那块空地荒了好几年，要是也能改成口袋公园就好了，老人孩子都有地方去。</p><p>2楼 老城居民 2019-06-12 10:21 回复</p><p>解放园去看过了，确实不错，就是晚上灯光有点暗，希望能再加几盏路灯。</p>`;
    expect(clean(body(entries)).paragraphs).toEqual(P);
  });

  it('a list of related articles goes, and prose after it stays', () => {
    const related = `<p>相关新闻：</p><p>·全市新增绿地三百公顷 (2019-05-30)</p><p>·老城区改造启动</p><p>记者了解到，县里还计划在新城区规划两处社区公园，预计明年动工建设，届时将进一步方便周边居民休闲。</p>`;
    const article = clean(body(related));
    expect(article.paragraphs.join('\n')).not.toContain('全市新增绿地');
    expect(article.paragraphs.at(-1)).toContain('新城区规划两处社区公园');
  });

  it('an article that names these words early on keeps its text', () => {
    const html = page(`<div class="main"><h1>网友评论成为政务服务新渠道</h1><div class="text"><p>网友评论</p>${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
    expect(clean(html).paragraphs).toEqual(['网友评论', ...P]);
  });
});

describe('confidence per field', () => {
  const withText = (lines: string) => page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1>${lines}<div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div></div>`);
  it('a keyed or role byline and a keyed date are stated; a bare name and a date from below the article are guesses', () => {
    const stated = clean(withText('<p>本报记者 王明</p><p>发布时间：2019-06-12 08:30</p>'));
    expect(stated.confidence).toEqual({ author: 'high', published: 'high' });
    const keyed = clean(withText('<p>作者：王明</p>'));
    expect(keyed.confidence?.author).toBe('high');
    const bare = clean(page(`<div class="main"><h1>县城新建三座口袋公园 市民家门口就能遛弯</h1><p class="by">王明</p><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}</div><p>发布时间：2019-06-12 08:30</p></div>`));
    expect(bare.author).toBe('王明');
    expect(bare.confidence).toEqual({ author: 'low', published: 'low' });
    expect(clean(withText('')).confidence).toEqual({ author: null, published: null });
  });
});

describe('widgets and banners', () => {
  it('a picture inside a sentence ("获得了5<img>00万元") does not cut it in two, nor take its second half for a caption', () => {
    const sentence = '该项目共获得了500万元的补助资金，将用于后续建设。';
    const inline = (img: string) => page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text"><p>${P[0]}</p><p>该项目共获得了5${img}00万元的补助资金，将用于后续建设。</p><p>${P[1]}</p></div></div>`);
    const ad = clean(inline('<a href="http://ads.example.com/c?id=1"><img src="http://ads.example.com/b.gif" width="300" height="250"></a>'));
    expect(ad.paragraphs).toEqual([P[0], sentence, P[1]]);
    expect(ad.captions).toEqual([]);
    const own = clean(inline('<img src="/pic/park.jpg" width="600" height="400">'));
    expect(own.paragraphs).toEqual([P[0], sentence, P[1]]);
    expect(own.images.map((i) => i.src)).toEqual(['http://news.example.cn/pic/park.jpg']);
  });

  it("rating and mood widgets under the article go; a sentence about a rating stays", () => {
    const html = page(`<div class="main"><h1>县城新建三座口袋公园</h1><div class="text">${P.map((p) => `<p>${p}</p>`).join('')}<p>您对本文的评价：</p><p>很好 一般 差</p><p>看完此新闻的心情</p></div></div>`);
    expect(clean(html).paragraphs).toEqual(P);
    expect(clean(page(`<div class="text">${P.map((p) => `<p>${p}</p>`).join('')}<p>居民给公园打分，平均得分九十二分，满意度在全县各类公共设施中排名第一。</p></div>`)).paragraphs.at(-1)).toContain('平均得分九十二分');
  });

  it("a wiki's maintenance banner and edit links go, the article stays", () => {
    const html = page(`<h1 id="firstHeading">長江</h1><div id="bodyContent"><table class="ambox"><tr><td>此條目需要補充更多來源。</td></tr></table>${P.map((p, i) => `<h2>節${i}<span class="mw-editsection">[編輯]</span></h2><p>${p}</p>`).join('')}<div id="catlinks">分類：中國河流</div></div>`, '長江 - 維基百科，自由的百科全書');
    const text = clean(html).paragraphs.join('\n');
    expect(text).not.toMatch(/補充更多來源|編輯|分類/);
    for (const p of P) expect(text).toContain(p);
  });
});
