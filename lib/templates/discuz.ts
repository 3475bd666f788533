import { findChineseDate } from '../metadata/dates';
import { type DomMeta, type Template, pageText, scoreChecks, textOf } from './types';

const THREAD_URL = /thread-\d+-\d+-\d+\.html|mod=viewthread|viewthread\.php/;

function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  out.title = textOf(doc, '#thread_subject') ?? textOf(doc, 'h1 .ts') ?? undefined;
  const posted = doc.querySelector('#postlist em[id^="authorposton"]');
  // Discuz! shows recent times as "3 天前" with the real date in a title attribute.
  const dateText = `${posted?.querySelector('span[title]')?.getAttribute('title') ?? ''} ${posted?.textContent ?? ''}`;
  const date = findChineseDate(dateText);
  if (date) out.published = date.iso;
  out.poster = textOf(doc, '#postlist .authi a.xw1') ?? textOf(doc, '#postlist .authi a');
  const counts = [...doc.querySelectorAll('#postlist .hm.ptn .xi1')].map((e) => Number(e.textContent?.trim()));
  if (Number.isFinite(counts[0])) out.views = counts[0];
  if (Number.isFinite(counts[1])) out.replies = counts[1];
  const tz = /(GMT|UTC)\s*[+-]\s*\d{1,2}/.exec(textOf(doc, '#ft') ?? '');
  if (tz) out.timezoneHint = tz[0].replace(/\s+/g, '');
  return out;
}

/**
 * The Discuz! version the page states: its generator meta, else "Powered by Discuz! X3.2"
 * in the footer, else `fallback`. Evidence names what was seen, never an assumed version.
 */
export function statedDiscuzVersion(doc: Document, footers: string[], fallback: string): string {
  const generator = doc.querySelector('meta[name="generator"]')?.getAttribute('content')?.trim();
  if (generator && /Discuz!/i.test(generator)) return generator;
  const footer = footers.map((sel) => textOf(doc, sel)).find(Boolean) ?? '';
  const powered = /Powered by\s+(Discuz!\s*[\w.]*)/i.exec(footer);
  return powered ? powered[1]!.trim() : fallback;
}

export const discuz: Template = {
  id: 'discuz',
  label: 'Discuz! forum thread',
  forum: true,
  signature: ['#postlist', 'td.t_f, [id^="postmessage_"]'],
  detect: (doc, url) =>
    scoreChecks(statedDiscuzVersion(doc, ['#ft', '#footer'], 'Discuz!'), [
      ['#postlist', !!doc.querySelector('#postlist'), 0.3],
      ['td.t_f', !!doc.querySelector('td.t_f, [id^="postmessage_"]'), 0.3],
      ["'Powered by Discuz!'", (/Powered by Discuz!/i.test(pageText(doc)) && !/Discuz! Archiver/i.test(doc.title)) || /Discuz!/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? ''), 0.4],
      ['thread URL', THREAD_URL.test(url), 0.1],
    ]),
  detectText: (text) =>
    scoreChecks(/Powered by (Discuz!\s*X?[\d.]+)/i.exec(text)?.[1] ?? 'Discuz!', [
      ["'Powered by Discuz!'", /Powered by Discuz!/i.test(text), 0.5],
      ["'显示全部楼层'", /发表于.*显示全部楼层/.test(text), 0.3],
      ["'[复制链接]'", text.includes('[复制链接]'), 0.1],
      ["'本版积分规则'", text.includes('本版积分规则'), 0.1],
      ["'查看: N|回复: N'", /查看:\s*\d+\s*\|\s*回复:\s*\d+/.test(text), 0.1],
    ]),
  junk: [
    'font.jammer', '.jammer', 'span[style*="display:none"]', 'span[style*="display: none"]',
    '.pstatus', '.attach_nopermission', 'ignore_js_op .tip', '.tip', '.pattl', '.sign', '.pls', '.po', '.pi',
    '#f_pst', '#fastpostform', '#hd', '#nv', '#pt', '#ft', '.rate', '.locked',
  ],
  content: '#postlist td.t_f',
  boilerplate: [/^扫一扫[,，]?访问微社区$/, /^(QQ|Archiver|手机版|小黑屋)\|/, /^(发表于|發表於)\s.*(显示全部楼层|阅读模式)/, /^\d+#$/, /^(楼主|沙发|板凳|地板)$/],
  bodyStart: /^(发表于|發表於)\s*[:：]?\s*\d/,
  bodyEnd: [/您需要登录后才可以回帖/, /^本版积分规则$/, /^Powered by Discuz/i],
  titleFromLines(lines) {
    const copy = lines.findIndex((l) => /^\[复制链接\]$/.test(l.trim()));
    if (copy > 0) return lines[copy - 1]!.trim();
    const counts = lines.findIndex((l) => /^查看:\s*\d+\s*\|\s*回复:\s*\d+/.test(l.trim()));
    return counts >= 0 ? (lines.slice(counts + 1).find((l) => l.trim()) ?? null) : null;
  },
  postAuthor: (post) =>
    post.closest('table[id^="pid"], div[id^="post_"]')?.querySelector('.authi a.xw1, .authi a')?.textContent?.trim() || undefined,
  meta,
};
