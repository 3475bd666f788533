import { cjkCount, live, trimSpace } from '../blocks';
import { isProse } from '../article/lines';
import { type Rule, emptyResult, record } from './types';

/**
 * Pages print readers' comments and lists of other articles under the article, inside the
 * container Readability takes: a heading names the section (网友评论, 相关新闻, 延伸阅读…),
 * or comment entries follow one another (a poster, a time, 回复/楼). Comments are sentences
 * too, so the link-based rules let them through. From such a section to the end, the body is
 * not the article's: but only in the article's last part, so an article that names one of
 * these words in passing keeps its text.
 */
const COMMENTS_HEADING = /^[【\[［〖]?\s*(?:网友|網友|读者|讀者|热门|熱門|最新|精彩|全部)?(?:评论|評論|留言|跟帖|回复|回覆)(?:区|區|列表)?\s*(?:[（(]\d+[）)])?\s*[】\]］〗]?$/;
const RELATED_HEADING =
  /^[【\[［〖]?\s*(?:相关|相關)(?:新闻|新聞|阅读|閱讀|文章|报道|報導|链接|鏈接|搜索|專題|专题)\s*[】\]］〗]?[:：]?$|^(?:更多相关|更多相關|延伸阅读|延伸閱讀|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|为您推荐|為您推薦|推荐阅读|推薦閱讀|大家都在看|看过本文的人还看了|最熱門新聞|最热门新闻|热点排行|熱點排行)\S{0,6}[:：]?$/;
/** A comment entry's head: who, when, and often its floor or a reply link. */
const COMMENT_HEAD =
  /^(?:\d{1,4}\s*(?:楼|樓|#)\s*)?\S{1,20}\s*(?:[（(][\d.*]+[）)])?\s*(?:于|於|发表于|發表於|说|說|:|：)?\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:回复|回覆|举报|舉報|支持|反对|反對|顶|頂|\[回复\]|\d+\s*(?:楼|樓))?$/;
/** The section must start in the last part of the article's text. */
const FROM_SHARE = 0.5;

interface Section {
  start: number;
  /** Comments run to the end; a list of other articles ends where prose starts again. */
  kind: 'comments' | 'related';
}

function sectionStart(lines: ReturnType<typeof live>): Section | null {
  const total = lines.reduce((n, b) => n + cjkCount(b.text), 0);
  let before = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = trimSpace(lines[i]!.text);
    const late = before >= total * FROM_SHARE;
    if (late && text.length <= 30 && COMMENTS_HEADING.test(text)) return { start: i, kind: 'comments' };
    if (late && text.length <= 30 && RELATED_HEADING.test(text)) return { start: i, kind: 'related' };
    // Two comment heads in a row of entries: the comments have begun.
    if (late && text.length <= 60 && COMMENT_HEAD.test(text) && lines.slice(i + 1, i + 4).some((b) => COMMENT_HEAD.test(trimSpace(b.text)))) return { start: i, kind: 'comments' };
    before += cjkCount(text);
  }
  return null;
}

/** Comments and lists of other articles under the article (网友评论, 相关新闻, 延伸阅读…). */
export const trailingSectionsRule: Rule = {
  id: 'trailing-sections',
  apply(blocks) {
    const result = emptyResult();
    const lines = live(blocks);
    const texts = lines.filter((b) => b.kind !== 'image');
    const section = sectionStart(texts);
    if (!section) return result;
    const first = texts[section.start]!;
    for (const [i, b] of lines.slice(lines.indexOf(first)).entries()) {
      // A list of other articles is titles, dates and addresses; prose after it is the page's again.
      if (section.kind === 'related' && i > 0 && b.kind !== 'image' && isProse(b.text)) break;
      b.dropped = true;
      if (b.kind !== 'image') record(result, b.text);
    }
    return result;
  },
};
