import { findChineseDate } from '../metadata/dates';
import { type DomMeta, type Template, pageText, scoreChecks, textOf } from './types';

/** The poster's profile block PHPWind prints beside the first post. */
const PROFILE = /^(UID|精华|精華|发帖|發帖|财富|財富|威望|贡献值|貢獻值|会员币|會員幣|好评度|好評度|在线时间|在線時間|注册时间|註冊時間|最后登录|最後登錄|级别|級別|积分|積分|金钱|金錢|交易币|性别|性別|头衔|頭銜)\s*[:：]/;

function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  out.title = textOf(doc, '#subject_tpc') ?? textOf(doc, 'h1.read_h1') ?? textOf(doc, '.read_h1');
  // The visible date may be rounded ("2020-03-10"); the title attribute has the full time.
  const tip = doc.querySelector('#td_tpc .tipTop, .tipTop');
  const date = findChineseDate(`${tip?.querySelector('[title]')?.getAttribute('title') ?? ''} ${tip?.textContent ?? ''}`);
  if (date) out.published = date.iso;
  out.poster = textOf(doc, '.readName a') ?? textOf(doc, '.readName');
  return out;
}

export const phpwind: Template = {
  id: 'phpwind',
  label: 'PHPWind forum thread',
  forum: true,
  signature: ['.tpc_content, #read_tpc'],
  detect: (doc, url) =>
    scoreChecks('PHPWind 8/9', [
      ['.tpc_content', !!doc.querySelector('.tpc_content, #read_tpc'), 0.4],
      ['.readName', !!doc.querySelector('.readName, .floot_left'), 0.1],
      ["'Powered by phpwind'", /Powered by phpwind/i.test(pageText(doc)), 0.4],
      ['read.php URL', /read\.php\?tid[=-]/.test(url), 0.1],
    ]),
  detectText: (text) =>
    scoreChecks('PHPWind 8/9', [
      ["'楼主 发表于'", /楼主\s*发表于/.test(text), 0.4],
      ["'评价一下你浏览此帖子的感受'", text.includes('评价一下你浏览此帖子的感受'), 0.3],
      ['profile block (UID, 威望)', /UID\s*:/.test(text) && /威望\s*:/.test(text), 0.2],
      ["'Powered by phpwind'", /Powered by phpwind/i.test(text), 0.4],
    ]),
  junk: [
    '.jammer', 'span[style*="display:none"]', 'span[style*="display: none"]', 'font[style*="display:none"]',
    '.readName', '.user-pic', '.floot_left', '#mood', '.mood', '.tpc_rate', '#rate', '.quick-reply', '#quick-reply',
    'form', '.tipBottom', '.tipTop', '.signature', '#breadcrumb', '.header', '.footer',
  ],
  content: '#read_tpc, .tpc_content',
  boilerplate: [
    PROFILE,
    /^(\S+)(离线|在线|離線|在線)$/,
    /^(统计排行|幸运大转盘|每日签到|社区服务|会员列表|最新帖子|精华区|博客|帮助).{0,40}(帮助|博客)?$/,
    /^楼主\s*(发表于|發表於)/,
    /^(评价一下你浏览此帖子的感受|精彩|感动|搞笑|开心|愤怒|无聊|灌水|描述|快速回复)$/,
    /^(谢谢,别忘了来看看都是谁回帖哦|验证问题|正确答案|按"Ctrl\+Enter"直接提交)/,
  ],
  bodyStart: /^楼主\s*(发表于|發表於)/,
  bodyEnd: [/^评价一下你浏览此帖子的感受/, /^快速回复$/],
  titleFromLines(lines) {
    for (const l of lines) {
      const m = /^主题\s*[:：]\s*(.+)$/.exec(l.trim());
      if (m) return m[1]!.trim();
    }
    return null;
  },
  meta,
};
