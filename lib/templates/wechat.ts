import { type DomMeta, type Template, pageText, scoreChecks, textOf } from './types';

const ARTICLE_URL = /^https?:\/\/mp\.weixin\.qq\.com\/s/;

/** The publish time: shown by script in #publish_time, stated in the page's script as `var ct = "<unix seconds>"`. */
function publishedOf(doc: Document): string | undefined {
  const shown = textOf(doc, '#publish_time');
  if (shown && /^\d{4}-\d{2}-\d{2}/.test(shown)) return shown;
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const ct = /var\s+ct\s*=\s*"(\d{9,10})"/.exec(script.textContent ?? '');
    if (!ct) continue;
    // WeChat states China time; written out with its offset so the instant is exact.
    const local = new Date(Number(ct[1]) * 1000 + 8 * 3600_000).toISOString().slice(0, 19);
    return `${local}+08:00`;
  }
  return undefined;
}

function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  out.title = textOf(doc, '#activity-name') ?? doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() ?? undefined;
  // The account is the publisher (the site); 来源 lines in the article name its source.
  const account = textOf(doc, '#js_name') ?? textOf(doc, '.profile_nickname');
  if (account) out.siteName = account;
  const writer = textOf(doc, '#js_author_name') ?? doc.querySelector('meta[name="author"]')?.getAttribute('content')?.trim();
  if (writer && writer !== account) out.author = writer;
  const published = publishedOf(doc);
  if (published) out.published = published;
  return out;
}

/** WeChat official-account articles (微信公众号 mp.weixin.qq.com), as shown or saved from the browser. */
export const wechat: Template = {
  id: 'wechat',
  label: 'WeChat official-account article',
  signature: ['#js_content'],
  detect: (doc, url) =>
    scoreChecks('WeChat 公众号', [
      ['#js_content', !!doc.querySelector('#js_content'), 0.4],
      ['#activity-name / rich_media', !!doc.querySelector('#activity-name, .rich_media_title'), 0.2],
      ['mp.weixin.qq.com', ARTICLE_URL.test(url) || !!doc.querySelector('meta[property="og:url"][content*="mp.weixin.qq.com"]'), 0.3],
      ["'微信扫一扫'", /微信扫一扫/.test(pageText(doc)), 0.1],
    ]),
  detectText: (text) =>
    scoreChecks('WeChat 公众号', [
      ["'微信扫一扫 关注该公众号'", /微信扫一扫\s*关注该公众号/.test(text), 0.4],
      ["'预览时标签不可点'", text.includes('预览时标签不可点'), 0.3],
      ["'阅读原文'", /^阅读原文$/m.test(text), 0.1],
      ["'在看'", /^在看$/m.test(text), 0.1],
    ]),
  junk: ['#js_pc_qr_code', '.qr_code_pc', '#js_tags', '.rich_media_tool', '#js_toobar3', '.reward_area', '#js_sponsor_ad_area', '.original_primary_card_tips', '#content_bottom_area', '.rich_media_area_extra'],
  content: '#js_content',
  boilerplate: [
    /^(阅读原文|往期推荐|往期回顾|推荐阅读|精彩推荐|点击上方.*关注.*|长按.{0,8}(识别|扫描|扫码).*|扫码关注.*|点个?[“"]?在看[”"]?.*|分享、?点赞、?在看.*)$/,
    /^[—\-–\s]*END[—\-–\s]*$/i,
  ],
  bodyEnd: [/^预览时标签不可点/, /^微信扫一扫\s*关注该公众号/, /^(阅读原文|喜欢此内容的人还喜欢)$/],
  meta,
};
