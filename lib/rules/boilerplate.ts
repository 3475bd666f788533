import { trimSpace } from '../blocks';
import { type Rule, dropWhere } from './types';

/**
 * Lines that belong to the site, not the article: login and reply prompts,
 * "Powered by", copyright and reprint notices, share widgets, page navigation.
 * Each pattern must match a whole short line or a notice, never a sentence of news.
 */
export const BOILERPLATE: RegExp[] = [
  // forum and site chrome
  /^(找回密码|立即注册|登录|注册|登錄|註冊|快速回复|快速回覆|返回顶部|返回列表|返回頂部|发表回复|回复|回覆)$/,
  /您需要登录后才可以回帖|登录后才可以|請登錄後才可以/,
  /^快速回复\s*返回顶部|返回顶部\s*返回列表/,
  /^本版积分规则$/,
  /^\[?复制链接\]?$/,
  /Powered by\s+\S+/i,
  /^(©|Copyright\b|\(c\)\s)/i,
  /^(扫一扫|掃一掃)/,
  // widget states: a copy button's answer, a comment box still loading, an empty related list
  /^(复制成功|複製成功).{0,40}(CTRL|Ctrl|ctrl|粘贴|粘貼|好友|链接|鏈接)/,
  /^\S{0,6}(读取中|讀取中|加载中|加載中|載入中)(\.{1,3}|…{1,2})?$/,
  /^(没有|沒有|暂无|暫無)相关(新闻|新聞|文章|内容|內容)$/,
  // the newsroom's tip-off box ("短信爆料15900430043 一经采用最高奖励500元"); a sentence of news that names a hotline stays
  /^(?!.*[。！？]).*(爆料|报料|報料|新闻热线|新聞熱線)\D{0,30}\d{7,}/,
  /^(?!.*[。！？]).*(一经采用|一經採用)/,
  // share widgets
  /^(分享到[:：]?.*|分享至.*|微信扫一扫.*|打印本页|关闭窗口|收藏本文|【?字号[：:].*|字體[：:].*)$/,
  // article navigation
  /^(上一篇|下一篇|上一篇\s+下一篇|上一个下一个|上一個下一個|上一页|下一页)\s*$/,
  // copyright and reprint notices
  /(本网|本網|本站)?(声明|聲明)[:：].*(版权|版權)/,
  /^(如需转载|如需轉載|转载请注明|轉載請註明|未经授权|未經授權)/,
  /^[•·●▪*＊①②③④⑤⑥⑦⑧⑨⑩\s]*凡(本网|本網|注明|註明)/,
  /^.{0,20}(版权|版權)(与|與|和|及)?(免责|免責)?(声明|聲明)[:：]?$/,
  // text-message subscription promos ("订阅东北新闻报，移动发1到10658303")
  /^(?!.*[。！？]).*(订阅|訂閱|定制|訂製).{0,30}(移动|移動|联通|聯通|电信|電信)\S{0,12}\d{5,}/,
  /^(声明|聲明|免责声明|免責聲明|版权声明|版權聲明)[:：]?$/,
  /^(请您?|請您?)(对|對)(该|該|此|本)?(文章|新闻|新聞)?(评分|評分|打分)/,
  // rating and mood widgets under an article ("您对本文的评价", "很好 一般 差", "看完此新闻的心情")
  /^(您对|您對|你对|你對)(本文|此文|这篇|這篇|该文|該文|此新闻|此新聞).{0,8}(评价|評價|感受|看法|心情)/,
  /^(给|給)(本文|这篇文章|這篇文章)(打个分|打分|评分|評分)/,
  /^(很好|好|较好|較好|一般|差|较差|較差|很差)(\s+(很好|好|较好|較好|一般|差|较差|較差|很差)){2,}$/,
  /^(您?看完|讀完|读完|看了)(此|这篇|這篇|本)?(新闻|新聞|文章)?(后|後)?的?(心情|感受)/,
  /(概不负|概不負)(任何)?(责任|責任)/,
  /^如需了解更多信息[,，]?(请|請)登(录|錄)/,
  /^(免责声明|免責聲明)/,
  // the site promoting its own social accounts ("现已开设Facebook专页……Like我们的专页")
  /(现已开设|現已開設|欢迎关注|歡迎關注|请关注|請關注|Like|讚好|追蹤)\s*(我们|我們|本站|本网|本網|本报|本報)?的?\s*(Facebook|专页|專頁|粉丝团|粉絲團|粉丝页|粉絲頁|官方微博|官方微信|微信公众号|微信公眾號)/i,
];

/** Words of an article toolbar ("留言 打印 收藏此页 保存 关闭", "[打印] [糾錯] [評論]"). */
const TOOLBAR_WORDS = new Set(
  '留言 打印 收藏 收藏此页 收藏此頁 保存 关闭 關閉 关闭窗口 關閉窗口 评论 評論 推荐 推薦 纠错 糾錯 信箱 复制 複製 复制网址 複製網址 字号 字號 大 中 小 分享 转发 轉發 发表评论 發表評論 我要评论 我來說兩句 我来说两句 返回顶部 返回頂部 打印本页 打印本頁 发给好友 發給好友 订阅 訂閱'.split(' '),
);

/** A line made only of toolbar words, two or more, however bracketed or separated. */
export function isToolbarLine(line: string): boolean {
  const words = line.split(/[\s\u3000|｜\[\]【】()（）:：·•]+/).filter(Boolean);
  return words.length >= 2 && words.length <= 20 && words.every((w) => TOOLBAR_WORDS.has(w));
}

const CONTACT_KEY = /(电话|電話|传真|傳真|邮箱|郵箱|信箱|热线|熱線|处理时间|處理時間|地址|邮编|郵編|E-?mail)\s*[:：]/gi;

const NEWSROOM_KEY = /电话|電話|传真|傳真|热线|熱線|处理时间|處理時間/;

/**
 * The newsroom's contact box: a line of two or more contact fields, one of them a phone,
 * fax or office hours ("电话：… 传真：…"). A notice's postal address ("通信地址：… 邮编：…") stays.
 */
export function isContactLine(line: string): boolean {
  if (line.length > 200 || /[。！？]/.test(line) || !NEWSROOM_KEY.test(line)) return false;
  return (line.match(CONTACT_KEY)?.length ?? 0) >= 2;
}

/**
 * A site's reprint and copyright notice, in the site's own voice: "本网站有关内容转载自合法授权网站，
 * 如果您认为转载内容侵犯了您的权益…", "如本網轉載稿涉及版權等問題，請作者…來電或來函". News about a
 * copyright case speaks of others, not of 本网/本站, and stays.
 */
export function isReprintNotice(line: string): boolean {
  if (line.length > 200) return false;
  return /本网|本網|本站|本报|本報|我们|我們/.test(line) && /转载|轉載/.test(line) && /版权|版權|权益|權益|著作权|著作權/.test(line) && /删除|刪除|联系|聯繫|联络|聯絡|来电|來電|来函|來函|声明|聲明|侵犯/.test(line);
}

/** Site chrome: login/reply prompts, Powered by, ©, share widgets, copyright and reprint notices. */
export const boilerplateRule: Rule = {
  id: 'boilerplate',
  apply: (blocks, ctx) => {
    const patterns = [...BOILERPLATE, ...ctx.boilerplate];
    return dropWhere(blocks, (text) => isToolbarLine(text) || isContactLine(text) || isReprintNotice(text) || patterns.some((re) => re.test(trimSpace(text))));
  },
};
