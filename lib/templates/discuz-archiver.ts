import { findChineseDate } from '../metadata/dates';
import { statedDiscuzVersion } from './discuz';
import { type DomMeta, type Template, scoreChecks, textOf } from './types';

/**
 * Discuz! Archiver: the plain, search-engine copy of a thread that every Discuz! since
 * 4.x serves under /archiver/. Two layouts:
 * - Discuz! 4–7: each post is `.subtable.altbg1` (date in `span.right`, poster in `b`)
 *   followed by `.t_msg` (the message, opening with its subject in bold);
 * - Discuz! X: `#content` holds `p.author` (`strong` poster, "发表于 date"), an `h3`
 *   subject and the message as bare text, post after post.
 */
const ARCHIVER_URL = /\/archiver\/|[?&]archiver=1/;

/** "Discuz! Archiver 5.0.0" from the generator, else the version the footer states. */
function version(doc: Document): string {
  const stated = statedDiscuzVersion(doc, ['#end', '#footer'], 'Discuz!');
  return /Archiver/i.test(stated) ? stated : `${stated} Archiver`;
}

function meta(doc: Document): DomMeta {
  const out: DomMeta = {};
  const head = doc.querySelector('.simpletable > .subtable.altbg1');
  const xAuthor = doc.querySelector('#content > p.author');
  const date = findChineseDate(head?.querySelector('.right')?.textContent ?? xAuthor?.textContent ?? '');
  if (date) out.published = date.iso;
  const poster = head?.querySelector('b')?.textContent?.trim() ?? xAuthor?.querySelector('strong')?.textContent?.trim();
  if (poster) {
    out.poster = poster;
    out.author = poster;
  }
  out.title = textOf(doc, '.t_msg > b:first-child') ?? textOf(doc, '#content > h3');
  return out;
}

/** Discuz! X: the starter's message is the bare text between the first h3 and the next p.author. */
function firstPostOfX(doc: Document): Element[] {
  const subject = doc.querySelector('#content > p.author + h3');
  if (!subject) return [];
  const post = doc.createElement('div');
  for (let n = subject.nextSibling; n && !(n.nodeType === 1 && (n as Element).matches('p.author, .page')); n = n.nextSibling) {
    post.appendChild(n.cloneNode(true));
  }
  return [post];
}

export const discuzArchiver: Template = {
  id: 'discuz-archiver',
  label: 'Discuz! Archiver thread',
  forum: true,
  detect: (doc, url) =>
    scoreChecks(version(doc), [
      ['generator Discuz! Archiver', /Discuz!.*Archiver/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? ''), 0.5],
      ["title 'Discuz! Archiver'", /Discuz! Archiver/i.test(doc.title), 0.4],
      ['.t_msg posts', !!doc.querySelector('.subtable.altbg1 + .t_msg, .subtable + .t_msg'), 0.3],
      ['#content p.author', !!doc.querySelector('#content > p.author + h3'), 0.3],
      ['archiver URL', ARCHIVER_URL.test(url), 0.2],
    ]),
  detectText: (text) => scoreChecks('Discuz! Archiver', [["'Discuz! Archiver'", /Powered by Discuz! Archiver/i.test(text), 0.5]]),
  // The first post only: the article is the thread starter's message.
  content: '.t_msg',
  contentOf: firstPostOfX,
  junk: ['#nav', '#footer', '.page', '#end'],
  boilerplate: [/^查看完整版本[:：]/, /^Powered by Discuz!/i],
  meta,
};
