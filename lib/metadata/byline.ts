/**
 * Chinese byline grammar: who wrote an article, as the page states it near the headline
 * or at the end. "本报记者 王燕平 方云凤", "文/李明", "（记者 张建 周长庆）",
 * "【記者陳一／台北報導】", "李明/文", "by duscha", "（袁源）" closing a report.
 *
 * Every pattern here is anchored or bounded, with no nested quantifier over the same
 * characters, so a hostile line costs linear time.
 */

/** A Chinese personal name: two to four characters (or a transcribed name with ·), then a break. */
const NAME = '[\\u4e00-\\u9fff]{2,4}(?:·[\\u4e00-\\u9fff]{1,6})?(?:[（(][A-Za-z][A-Za-z .\'-]{1,40}[）)])?(?=$|[\\s\\u3000、，,/／╱∕|｜)）】\\]\\d])';
/** Several names, separated by spaces, 、 or commas. */
const NAMES = `${NAME}(?:[\\s\\u3000、，,]+${NAME}){0,7}`;
const ROLE = '(?:记者|記者|通讯员|通訊員|实习生|實習生|特约撰稿|特約撰稿|撰稿人?)';

const ROLE_NAMES = new RegExp(`${ROLE}[\\s\\u3000:：]*(${NAMES})`, 'g');
const WRITTEN_BY = new RegExp(`^(?:文|作者|撰文|文字)\\s*[/／|｜:：]\\s*(${NAMES})$`);
const NAME_THEN_WEN = new RegExp(`(${NAMES})\\s*[/／]\\s*文$`);
const CLOSING_PARENS = new RegExp(`[（(]\\s*(?:[^（）()]{0,12}?${ROLE})?\\s*(${NAMES})\\s*[）)]$`);
const BRACKETED_NAME = new RegExp(`^[\\[【（(]\\s*(${NAMES})\\s*[\\]】）)](?=\\s|$)`);
const LONE_NAMES = new RegExp(`^(${NAMES})$`);
const ENGLISH_BY = /(?:^|\s)by\s+([A-Za-z][\w.-]{1,30})\s*[^\w\s]{0,3}$/i;
const POSTED_BY = /^([^\s:：]{2,20})\s+(?:发表于|發表於|发布于|發佈於|posted)/i;
/** "Posted by 山野行者 on 2012-05-06": the English form blog and forum engines print. */
const POSTED_BY_ON = /^posted\s+by\s+([^\s:：]{2,20})(?:\s+(?:on|at|@)(?:\s|$)|\s*$)/i;
/**
 * A dateline credit: the reporter and where they filed from, "（姚峰 上海报道）",
 * "【記者王小明╱台北報導】", "（记者 张三 北京电）". The place is two to four characters.
 */
const FILED_FROM = new RegExp(`[（(【\\[]\\s*(?:[^（）()【】\\[\\]]{0,8}?${ROLE})?[\\s\\u3000:：]*(${NAMES})\\s*[/／╱∕]?\\s*[\\u4e00-\\u9fff]{2,4}\\s*(?:报道|報導|报导|电|電)\\s*[）)】\\]]`);
/** Blog engines' "由海姑娘张贴 @ 2005-03-21": posted by. */
const POSTED_BY_YOU = /^(?:由|By\s)\s*([^\s@]{2,20}?)\s*(?:张贴|張貼|发表|發表|发布|發佈|posted)/i;
/** "[ 黄宇 ]" standing in a date or source line. */
const BRACKETED_IN_LINE = new RegExp(`[\\[【]\\s*(${NAMES})\\s*[\\]】]`);

/** Words that end a "name": these are sites, desks and notes, not people. */
const NOT_A_NAME =
  /[网網报報社台站刊部局厅廳院校司会會办辦处處室团團组組版省市县縣区區州镇鎮乡鄉村]$|新闻|新聞|报道|報導|频道|頻道|链接|鏈接|连接|連接|联系|聯繫|博客|相关|相關|即时|即時|推荐|推薦|评论|評論|来源|來源|编辑|編輯|责编|責編|作者|图片|圖片|图|圖|摄影|攝影|视频|視頻|完|转载|轉載|原创|原創|本报|本報|综合|綜合|整理|报讯|報訊|电|電|关注|關注|分享|收藏|打印|登录|登錄|注册|註冊|首页|首頁|返回|更多|热门|熱門|最新|专栏|專欄|订阅|訂閱|转发|轉發|点赞|點讚|举报|舉報|回复|回覆|下载|下載|全文|目录|目錄|正文|标签|標籤|阅读|閱讀|浏览|瀏覽|投稿|广告|廣告|服务|服務|帮助|幫助|搜索|江苏|江蘇|安徽|上海|北京|天津|重庆|重慶|广东|廣東|香港|台湾|臺灣|澳门|澳門|商业|商業|财经|財經|娱乐|娛樂|体育|體育|科技|国际|國際|国内|國內|社会|社會|军事|軍事|时尚|時尚|汽车|汽車|房产|房產|教育|健康|文化|旅游|旅遊|生活/;

/**
 * Common Chinese surnames. A name with no role word in front of it ("（袁源）", a lone
 * name under the headline) counts only when it starts with one.
 */
const SURNAMES = new Set(
  (
    '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰鄂'
  ).split(''),
);

/** "陳大文（Chen Ta-wen）": the Chinese name, for the checks; the gloss stays in what is shown. */
function withoutLatinGloss(name: string): string {
  return name.replace(/[（(][A-Za-z][A-Za-z .'-]{1,40}[）)]/g, '');
}

/** Names in a list; a Latin gloss keeps its spaces ("彼得·史密斯（Peter Smith）" is one name). */
function splitNames(names: string): string[] {
  return names.match(/(?:[（(][^（）()]{0,42}[）)]|[^\s\u3000、，,（()）])+/g) ?? [];
}

/** A stated name is a person's: not a site, desk or note. */
export function isPersonName(name: string): boolean {
  const n = withoutLatinGloss(name.trim());
  if (!n || n.length > 30 || /[=<>"'{}()（）\d@]/.test(n)) return false;
  if (/^[A-Za-z][\w.\- ]{1,29}$/.test(n)) return !/^(admin|administrator|webmaster|editor|www|http)/i.test(n);
  const parts = splitNames(n);
  return parts.length > 0 && parts.length <= 8 && parts.every((p) => /^[\u4e00-\u9fff][\u4e00-\u9fff·]{1,5}$/.test(p) && !NOT_A_NAME.test(p));
}

/**
 * Names that stand without a role word or key in front must look like names: a known
 * surname and two or three characters, or a Latin handle.
 */
export function looksLikeBareNames(names: string): boolean {
  const n = names.trim();
  if (/^[A-Za-z][\w.\- ]{1,29}$/.test(n)) return isPersonName(n);
  const parts = splitNames(withoutLatinGloss(n));
  if (!isPersonName(n) || !parts.every((p) => p.length <= 3)) return false;
  const known = parts.filter((p) => SURNAMES.has(p[0]!)).length;
  // "赵延东、风笑天": a list set with 、 is names by its form; a rarer surname may stand in it.
  return known === parts.length || (n.includes('、') && known * 2 >= parts.length);
}

export interface Byline {
  author: string;
  /** The credit as the page states it. */
  byline: string;
}

/** What follows a name that took the picture: 摄, 摄影, 供图. */
const PHOTO_VERB = /^\s*(?:摄|攝|拍摄|拍攝|摄影|攝影|供图|供圖|图|圖)(?=$|[\s）)】\]/／])/;

/** Credit roles that end a list of writers' names ("王燕平 摄影记者 李明": 李明 took the pictures). */
const OTHER_ROLE = /摄影|攝影|图片|圖片|视频|視頻|编辑|編輯|美编|美編|制图|製圖/;

function namesOnly(raw: string): string | null {
  const all = splitNames(raw);
  const cut = all.findIndex((p) => OTHER_ROLE.test(p));
  const names = (cut < 0 ? all : all.slice(0, cut)).filter((p) => !NOT_A_NAME.test(withoutLatinGloss(p)));
  return names.length && isPersonName(names.join(' ')) ? names.join(' ') : null;
}

/**
 * Reads a short line as a byline: role words with names, 文/X, X/文, a bracketed name.
 * Returns null for anything else, so prose is never taken for a byline.
 */
export function readBylineLine(line: string): Byline | null {
  const text = line.trim();
  // Bylines are no sentences; "据记者采访了解，……" is reporting, not a credit.
  if (!text || text.length > 60 || /[。！？；]/.test(text)) return null;
  const roles = [...text.matchAll(ROLE_NAMES)]
    .filter((m) => !/(?:[据據向对對和与與是的被给給]|摄影|攝影|图片|圖片|视频|視頻|美术|美術)$/.test(text.slice(0, m.index)))
    // "（记者 王明 摄）" credits the picture above, not the text.
    .filter((m) => !PHOTO_VERB.test(text.slice(m.index! + m[0].length)))
    .map((m) => namesOnly(m[1]!)).filter((n): n is string => !!n);
  if (roles.length) return { author: [...new Set(roles)].join(' '), byline: text };
  for (const re of [WRITTEN_BY, NAME_THEN_WEN]) {
    const m = re.exec(text);
    const names = m ? namesOnly(m[1]!) : null;
    if (names) return { author: names, byline: text };
  }
  const filed = FILED_FROM.exec(text);
  const filedBy = filed && (new RegExp(ROLE).test(filed[0]) ? namesOnly(filed[1]!) : looksLikeBareNames(filed[1]!) ? splitNames(filed[1]!).join(' ') : null);
  if (filedBy) return { author: filedBy, byline: text };
  // "【黄宇】 2004-07-16" credits a writer; "【贺卡】 调查 民意调查" is a menu of labels.
  const bracketed = BRACKETED_NAME.exec(text);
  const bracketedRest = bracketed ? text.slice(bracketed[0].length).trim() : '';
  if (bracketed && looksLikeBareNames(bracketed[1]!) && (!bracketedRest || /[\d:：]/.test(bracketedRest))) return { author: splitNames(bracketed[1]!).join(' '), byline: text };
  const english = ENGLISH_BY.exec(text);
  if (english && isPersonName(english[1]!)) return { author: english[1]!, byline: text };
  const posted = POSTED_BY.exec(text) ?? POSTED_BY_YOU.exec(text) ?? POSTED_BY_ON.exec(text);
  if (posted && isPersonName(posted[1]!)) return { author: posted[1]!, byline: text };
  return null;
}

/** A bracketed name inside a metadata line ("2004年7月16日08:19 [ 黄宇 ] 来源：…"), if it looks like a name. */
export function bracketedNameIn(line: string): Byline | null {
  const m = line.length <= 120 ? BRACKETED_IN_LINE.exec(line) : null;
  return m && looksLikeBareNames(m[1]!) ? { author: splitNames(m[1]!).join(' '), byline: m[0] } : null;
}

/** A line of names alone, as pages set the author under the headline. */
export function readLoneNames(line: string): Byline | null {
  const text = line.trim();
  if (text.length > 30) return null;
  const m = LONE_NAMES.exec(text);
  return m && looksLikeBareNames(m[1]!) ? { author: splitNames(m[1]!).join(' '), byline: text } : null;
}

/** A dateline credit standing alone: "（姚峰 上海报道）". */
function readFiledFrom(text: string): Byline | null {
  const m = FILED_FROM.exec(text);
  if (!m || m.index !== 0) return null;
  const names = new RegExp(ROLE).test(m[0]) ? namesOnly(m[1]!) : looksLikeBareNames(m[1]!) ? splitNames(m[1]!).join(' ') : null;
  return names ? { author: names, byline: m[0].replace(/^[（(【[]\s*|\s*[）)】\]]$/g, '') } : null;
}

/**
 * A byline inside the prose: a dateline opening the first paragraph ("据新华社拉萨电（记者 X）")
 * or a credit closing the last one ("……外科医生。（袁源）", "（信报记者 蔡雪婧）").
 */
export function bylineInProse(first: string | undefined, last: string | undefined): Byline | null {
  const opening = first?.slice(0, 40).match(/^[^。！？]{0,20}?[（(【]\s*((?:[^（）()【】]{0,12}?)(?:记者|記者)[^（）()【】]{1,20})[）)】]/);
  if (opening) {
    const found = readBylineLine(opening[1]!);
    if (found) return { author: found.author, byline: opening[1]! };
  }
  const dateline = first?.slice(0, 40).match(/^[^。！？]{0,12}?([（(【[][^（）()【】[\]]{2,24}[）)】\]])/);
  const openedBy = dateline ? readFiledFrom(dateline[1]!) : null;
  if (openedBy) return openedBy;
  const tail = last?.trim().slice(-40);
  const closedBy = tail ? readFiledFrom(tail.slice(Math.max(0, tail.search(/[（(【[][^（()【[]*$/)))) : null;
  if (closedBy) return closedBy;
  const closing = tail ? CLOSING_PARENS.exec(tail) : null;
  if (closing) {
    const stated = closing[0].replace(/^[（(]\s*|\s*[）)]$/g, '');
    const hasRole = new RegExp(ROLE).test(stated);
    const names = hasRole ? namesOnly(closing[1]!) : looksLikeBareNames(closing[1]!) ? splitNames(closing[1]!).join(' ') : null;
    if (names) return { author: names, byline: stated };
  }
  return null;
}
