import { parseChineseDate } from '../metadata/dates';
import { enpProperty } from '../metadata/enp-property';
import { readMetaLine } from '../metadata/fields';
import { type DomMeta, type Template, pageText, scoreChecks, textOf } from './types';

/** The issue's date as the masthead prints it ("2022年02月13日"), the date of every article in it. */
function issueDate(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll('[id*="date" i], [class*="date" i]')) {
    const date = parseChineseDate(el.textContent?.slice(0, 200) ?? '');
    if (date) return date;
  }
  return undefined;
}

function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  const record = enpProperty(doc);
  out.published = (record.date && parseChineseDate(record.date)) || issueDate(doc);
  out.title = textOf(doc, 'founder-title') ?? textOf(doc, '.article-title') ?? textOf(doc, '#Title');
  const sub = textOf(doc, 'founder-subtitle') ?? textOf(doc, '.article-subtitle') ?? record.subtitle;
  if (sub) out.subtitle = sub.replace(/^[—－-]+\s*/, '');
  const author = textOf(doc, 'founder-author') ?? textOf(doc, '.article-author') ?? record.author;
  if (author) {
    const read = readMetaLine(author); // "□王飞", "本报记者 巴特尔 通讯员 李敏"
    out.author = read?.author ?? author.replace(/^[□■]\s*/, '');
    out.byline = read?.byline ?? out.author;
  }
  const edition = /当前版\s*[:：]\s*(\S+?版)/.exec(pageText(doc));
  if (edition) out.edition = edition[1]!;
  return out;
}

export const epaper: Template = {
  id: 'epaper',
  label: 'Digital newspaper (e-paper) article',
  detect: (doc) => {
    const text = pageText(doc);
    return scoreChecks('E-paper (Founder-style)', [
      ['#ozoom / founder-content', !!doc.querySelector('#ozoom, founder-content'), 0.4],
      ["'当前版'", /当前版\s*[:：]/.test(text), 0.3],
      ["'上一版 / 下一版'", /上一版/.test(text) && /下一版/.test(text), 0.2],
      ["'标题导航'", text.includes('标题导航'), 0.1],
    ]);
  },
  detectText: (text) =>
    scoreChecks('E-paper (Founder-style)', [
      ["'当前版'", /当前版\s*[:：]/.test(text), 0.4],
      ["'上一版 / 下一版'", /上一版/.test(text) && /下一版/.test(text), 0.2],
      ["'标题导航'", text.includes('标题导航'), 0.2],
      ['edition list (第01版:)', /第\d+版\s*[:：]/.test(text), 0.2],
    ]),
  junk: ['.edition-nav', '.bmdh', '#bmdh', '.title-nav', '.btdh', '.paper-nav', 'founder-title', 'founder-subtitle', 'founder-author'],
  content: '#ozoom, founder-content',
  boilerplate: [
    /^(往期阅读|往期回顾|放大\s*缩小.*|标题导航|版面导航|返回目录|PDF下载.*)$/,
    /当前版\s*[:：]/,
    /^第\s*\d+\s*版\s*[:：]/,
  ],
  bodyEnd: [/^上一篇/, /^\s*标题导航/],
  meta,
};
