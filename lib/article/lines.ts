import { cjkCount, trimSpace } from '../blocks';

/** Sentence-final punctuation, ASCII forms included (NFKC-flattened text). */
export const SENTENCE_END = /[。！？!?…；;”"』」）)]$/;

/** A line that reads like article prose rather than chrome or a heading. */
export function isProse(line: string): boolean {
  const t = trimSpace(line);
  const n = cjkCount(t);
  return n >= 50 || (n >= 25 && SENTENCE_END.test(t));
}

/** Short, unpunctuated line: a section heading when it stands inside the body. */
/** Notices, ads and prompts are short and unpunctuated too, but they are never section titles. */
const NEVER_A_HEADING = /广告|廣告|推广|推廣|赞助|贊助|声明|聲明|来源|來源|点击|點擊|扫码|掃碼|关注|關注|下载|下載|订阅|訂閱|^[（(【[].*[）)】\]]$/;

export function isNotice(line: string): boolean {
  return NEVER_A_HEADING.test(trimSpace(line));
}

export function isHeadingLike(line: string): boolean {
  const t = trimSpace(line);
  return t.length > 0 && t.length <= 40 && cjkCount(t) >= 2 && !/[。！？!?…；;]/.test(t) && !/[：:]$/.test(t) && !/^[—－-]/.test(t) && !NEVER_A_HEADING.test(t);
}

/** Photo credit at the end of a caption: "…物资。王飞 摄", "谭云俸摄", "新华社记者 李四 摄". */
const CREDIT_ONLY = /^(?:[\u4e00-\u9fff]{0,8}(?:记者|記者|通讯员|通訊員)\s*)?[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*\s*(?:摄|攝|摄影|攝影)$/;
const ENDS_WITH_CREDIT = /[。！？!?\s]\s*(?:[\u4e00-\u9fff]{0,8}(?:记者|記者)\s*)?[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*\s*(?:摄|攝|摄影|攝影)$/;

export function isCreditOnly(line: string): boolean {
  return CREDIT_ONLY.test(trimSpace(line));
}

export function endsWithCredit(line: string): boolean {
  return trimSpace(line).length <= 150 && ENDS_WITH_CREDIT.test(trimSpace(line));
}

/** Where the body of a scraped article ends even without a template's help. */
export const GENERIC_BODY_END: RegExp[] = [
  /^(责编|責編|责任编辑|責任編輯)\s*[:：]/,
  /^【?(图文编辑|圖文編輯)\s*[:：]/,
  /^上一篇/,
  /^(相关阅读|相關閱讀|相关新闻|相關新聞|推荐阅读|推薦閱讀|相关文章|相關文章)\s*[:：]?$/,
];

/**
 * Whether what was extracted is an article at all: some real prose (a Chinese
 * paragraph, or a long Latin-script one), or enough text overall. A search page's
 * "找到约 3 条结果 / 上一页 下一页" is not.
 */
export function hasArticleText(paragraphs: string[]): boolean {
  const latinProse = (p: string) => p.length >= 150 && /[.!?]["”’)]?$/.test(trimSpace(p));
  const total = paragraphs.reduce((n, p) => n + trimSpace(p).length, 0);
  return paragraphs.some((p) => isProse(p) || latinProse(p)) || total >= 400;
}
