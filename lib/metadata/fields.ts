import { bracketedNameIn, isPersonName, looksLikeBareNames, readBylineLine } from './byline';
import { cjkCount } from '../blocks';
import { findChineseDate } from './dates';

/** Metadata a page states in its own lines: 来源, 作者, 责编, 发表于, 浏览... */
export interface MetaFields {
  published?: string;
  source?: string;
  author?: string;
  byline?: string;
  editor?: string;
  category?: string;
  edition?: string;
  views?: number;
  replies?: number;
  timezoneHint?: string;
  /** Other credit lines, as stated: "审核：吴东", "排版：林一". */
  credits?: string[];
}

type FieldName = 'source' | 'author' | 'editor' | 'category' | 'credit';

const KEYS: Array<[RegExp, FieldName]> = [
  [/^(来源|來源|稿源|出处|出處|发文机关|發文機關)$/, 'source'],
  // A blog's or a forum's poster, where no family reads the page: 博主, 楼主, 发帖人.
  [/^(作者|撰文|文|博主|楼主|樓主|发帖人|發帖人|发表者|發表者|发布者|發佈者|帖主)$/, 'author'],
  [/^(责编|責編|责任编辑|責任編輯|图文编辑|圖文編輯|编辑|編輯|校对|校對)$/, 'editor'],
  [/^(分类|分類|栏目|欄目)$/, 'category'],
  // A photographer's credit beside the source ends the source's value; it is a credit, not the author.
  [/^(摄影|攝影|图片|圖片|摄像|攝像)$/, 'credit'],
];
/** Credit lines WeChat and portal articles end with; kept as stated, not as a field of their own. */
const CREDIT_LINE = /^(审核|審核|初审|初審|复审|複審|终审|終審|监制|監製|统筹|統籌|策划|策劃|排版|美编|美編|视觉|視覺|设计|設計|出品)\s*[:：]\s*[^\s，。；！？,;!?][^，。；！？,;!?]{0,29}$/;
/** Every key a metadata line may start a field with. */
const KEY_WORDS =
  '来源|來源|稿源|出处|出處|发文机关|發文機關|作者|撰文|博主|楼主|樓主|发帖人|發帖人|发表者|發表者|发布者|發佈者|帖主|摄影|攝影|图片|圖片|摄像|攝像|责编|責編|责任编辑|責任編輯|图文编辑|圖文編輯|编辑|編輯|校对|校對|分类|分類|栏目|欄目|发布时间|發佈時間|发表时间|發表時間|时间|時間|日期|浏览|瀏覽|阅读|閱讀|点击|點擊';
const KEY_WITH_COLON = new RegExp(`(${KEY_WORDS})\\s*[:：]\\s*`, 'g');
/** Values end at brackets or bars; a key:value pair never spans them. */
const VALUE_END = /[【】()（）[\]|｜]/;
const PUBLISH_KEY = /(发表于|發表於|发布于|發佈於|发布时间|發佈時間|发表时间|發表時間|时间|時間|日期)\s*[:：]?/;
/** Dates of a life or a history, which infoboxes list: never when the page was published. */
const LIFE_EVENT = /出生|生于|生於|诞生|誕生|逝世|去世|辞世|辭世|病逝|卒于|卒於|成立|创立|創立|创建|創建|建于|建於|始建|开业|開業|生日|忌日|\bborn\b|\bdied\b|\bfounded\b/i;
/** A publish key, then a year and a month with no day. */
const PUBLISHED_MONTH = /^(?:发表时间|發表時間|发布时间|發佈時間|时间|時間|日期|发表于|發表於|发布于|發佈於)\s*[:：]?\s*((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$/;
const VIEWS = /(\d+)\s*次(浏览|瀏覽|阅读|閱讀|点击|點擊)|(?:浏览|瀏覽|阅读|閱讀|查看|点击|點擊)(?:次数|次數|量)?\s*[:：]\s*(\d+)/;
const REPLIES = /(?:回复|回覆|评论|評論)\s*[:：]\s*(\d+)/;
const EDITION = /当前版\s*[:：]\s*(\S+?版)/;
const TIMEZONE = /^(GMT|UTC)\s*[+-]\s*\d{1,2}(:?\d{2})?\b/;
/** A reprint's issue line: "——《北京之春》1998年3月号", "《读者》2020年第5期". */
const MAGAZINE_ISSUE = /^[—－\-\s]*《([^》]{1,30})》\s*((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月号|第\s*\d{1,3}\s*期)\s*$/;
const SQUARE_BYLINE = /^[□■]\s*([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)$/;
const REPORTER =
  /^((?!本报|本報|本刊|本台|本网|本網)[\u4e00-\u9fff]{2,10}?)?(?:本报|本報|本刊|本台|本网|本網)?(?:记者|記者|通讯员|通訊員)\s*([\u4e00-\u9fff·][\u4e00-\u9fff·\s]*?)\s*$/;
const REPORTER_ROLE = /(?:记者|記者|通讯员|通訊員|实习生|實習生)/g;
const ENGLISH_BYLINE = /^By\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&))*)$/;
const OFFICE_BYLINE =
  /^(.{2,30}?(?:长|長|书记|書記|委员|委員|主任|常委|主席|教授|院士|经理|經理|研究员|研究員|代表|专家|專家))\s+([\u4e00-\u9fff·]{2,4})$/;

/** "李中文 江 南" → "李中文 江南": newspapers pad two-character names with a space. */
export function joinNames(names: string): string {
  const parts = names.trim().split(/\s+/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.length === 1 && next?.length === 1) {
      out.push(p + next);
      i++;
    } else out.push(p);
  }
  return out.join(' ');
}

/** A name with its Latin form in brackets, "彼得·史密斯（Peter Smith）": the brackets belong to the value. */
const GLOSSED_NAME = /^\s*[\u4e00-\u9fff·]{2,12}\s*[（(][A-Za-z][A-Za-z .'-]{1,40}[）)]/;

function cleanValue(raw: string): string {
  const glossed = GLOSSED_NAME.exec(raw);
  const cut = glossed ? glossed[0] : (raw.split(VALUE_END)[0] ?? '');
  return cut
    .replace(/(\u3000|\s{2,}).*$/, '') // an ideographic space or a wide gap separates fields
    .replace(/\s*(?:19|20)\d{2}[年\-/.].*$/, '')
    .replace(/\s*(?:发表于|發表於|发布于|發佈於|发表在|發表在)(?:\s.*)?$/, '') // "作者：X 发表于 …": the time follows the name
    .replace(/[\s,，;；。]+$/, '')
    .trim();
}

/** A broken template prints its own markup where the value should be ("作者： size=\"20\""). */
const MARKUP_VALUE = /\w\s*=\s*["']|[<>]/;

function keyedValues(line: string): Partial<Record<FieldName, string>> {
  const out: Partial<Record<FieldName, string>> = {};
  const matches = [...line.matchAll(KEY_WITH_COLON)];
  matches.forEach((m, i) => {
    const field = KEYS.find(([re]) => re.test(m[1]!))?.[1];
    const start = m.index! + m[0].length;
    const end = matches[i + 1]?.index ?? line.length;
    const value = cleanValue(line.slice(start, end));
    if (field && value && !MARKUP_VALUE.test(value) && !out[field]) out[field] = field === 'credit' ? `${m[1]}：${value}` : value;
  });
  return out;
}

/**
 * Reads one line as metadata. Returns null for a line that is not a metadata line
 * (too long, or no key, date or counter in it), so body sentences are never eaten.
 */
export function readMetaLine(line: string): MetaFields | null {
  const text = line.trim();
  if (!text || text.length > 100) return null;
  const found: MetaFields = {};

  if (CREDIT_LINE.test(text)) return { credits: [text] };

  const tz = TIMEZONE.exec(text);
  if (tz) return { timezoneHint: tz[0].replace(/\s+/g, '') };

  const english = ENGLISH_BYLINE.exec(text);
  if (english) return { author: english[1]!, byline: text };

  const issue = MAGAZINE_ISSUE.exec(text);
  if (issue) return { source: issue[1]!, published: issue[3] ? `${issue[2]}-${issue[3].padStart(2, '0')}` : issue[2]! };

  const square = SQUARE_BYLINE.exec(text);
  if (square) {
    const stated = text.replace(/^[□■]\s*/, '');
    const named = readBylineLine(stated)?.author ?? (looksLikeBareNames(joinNames(square[1]!)) ? joinNames(square[1]!) : null);
    if (named) return { author: named, byline: stated };
  }

  const date = findChineseDate(text);
  const rest = date ? text.replace(date.text, ' ').trim() : text;
  const reporter = REPORTER.exec(rest);
  if (reporter && rest.length <= 40) {
    if (reporter[1]) found.source = reporter[1];
    found.author = joinNames(reporter[2]!.replace(REPORTER_ROLE, ' '));
    found.byline = rest;
  } else {
    const byline = readBylineLine(rest);
    if (byline) Object.assign(found, byline);
  }
  const office = OFFICE_BYLINE.exec(text);
  if (office && !/[。，,！!？?]/.test(text)) {
    found.byline = text;
    found.author = office[2]!;
  }

  const keyed = keyedValues(text);
  if (keyed.author) {
    // "作者：本报记者 王明" names the writer inside; "作者： size=…" names nobody.
    const named = isPersonName(keyed.author) ? keyed.author : readBylineLine(keyed.author)?.author;
    if (named) keyed.author = named;
    else delete keyed.author;
  }
  const { credit, ...fields } = keyed;
  Object.assign(found, fields);
  if (credit) found.credits = [credit];
  const views = VIEWS.exec(text);
  if (views) found.views = Number(views[1] ?? views[3]);
  const replies = REPLIES.exec(text);
  if (replies) found.replies = Number(replies[1]);
  const edition = EDITION.exec(text);
  if (edition) found.edition = edition[1]!;

  // A metadata line may name the writer in brackets beside the date or the source.
  if (!found.author && (date || keyed.source)) {
    const named = bracketedNameIn(rest);
    if (named) Object.assign(found, named);
  }

  // A date makes a metadata line only after a publish key or in a line that is no sentence;
  // profile dates (注册时间, 最后登录) are not publication dates.
  // Nor is a life or history date in an infobox: born, died, founded, built.
  const isProfileDate = /注册|註冊|登录|登錄|在线|在線/.test(text) || LIFE_EVENT.test(text);
  const hasFields = Object.keys(found).length > 0;
  if (date && !isProfileDate && (PUBLISH_KEY.test(text) || isDateLineRest(rest, hasFields))) found.published = date.iso;
  // A month alone after a publish key ("发表时间：2003-5", "日期：2003年5月"): a date as precise as the page gives it.
  if (!date && !found.published) {
    const month = PUBLISHED_MONTH.exec(text);
    if (month) found.published = `${month[1]}-${month[2]!.padStart(2, '0')}`;
  }

  return Object.keys(found).length ? found : null;
}

/**
 * Beside a date, a metadata line holds other fields, or a source or name ("2003-7-24 钱江晚报"),
 * not a clause: a hard-wrapped prose line with a date in it stays in the body.
 */
function isDateLineRest(rest: string, hasFields: boolean): boolean {
  if (/[。！？!?，,]/.test(rest)) return false;
  return hasFields || (!/[、「」“”]/.test(rest) && cjkCount(rest) <= 20);
}

/** A role byline ("本报记者 王燕平"): the kind that a second role line continues. */
export function isRoleCredit(m: MetaFields | null): boolean {
  return !!(m?.author && m.byline);
}

/** "本报实习生 甲 乙" then "本报记者 丙 丁": one credit on two lines, kept in page order. */
export function continueCredit(into: MetaFields, next: MetaFields, nextComesFirst: boolean): void {
  const join = (a?: string, b?: string) => (nextComesFirst ? `${b} ${a}` : `${a} ${b}`);
  into.author = join(into.author, next.author);
  into.byline = join(into.byline, next.byline);
}

const KEY_ALONE = new RegExp(`^(?:${KEY_WORDS})[:：]$`);

/**
 * Government and archive pages set "发文机关：" and its value in two table cells;
 * a key standing alone is read together with the line after it.
 */
export function joinKeyCells(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = lines[i]!.replace(/\s+/g, '');
    if (KEY_ALONE.test(key) && i + 1 < lines.length) out.push(`${key}${lines[++i]}`);
    else out.push(lines[i]!);
  }
  return out;
}

/** Adds what `from` states that `into` does not have yet; credit lines add up. */
export function mergeMeta(into: MetaFields, from: MetaFields): void {
  for (const [k, v] of Object.entries(from) as Array<[keyof MetaFields, never]>) {
    if (k === 'credits') into.credits = [...new Set([...(into.credits ?? []), ...(from.credits ?? [])])];
    else if (v !== undefined && into[k] === undefined) into[k] = v;
  }
}
