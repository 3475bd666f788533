import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { articleFilename, safeFilename } from '../lib/export/filename';
import { pictureFileNames } from '../lib/export/pictures';
import { toMarkdown, toStandaloneHtml } from '../lib/export/formats';
import { NoArticleError, cleanDocument } from '../lib/pipeline';
import { hostilePages } from './helpers/hostile';

/** Anything in this HTML that could run code or load a frame when shown. */
function executable(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'form', 'base', 'link'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('meta refresh');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(a.value) && /^(href|src|action|data|formaction|xlink:href)$/i.test(a.name)) found.push(`${tag}[${a.name}=${a.value}]`);
      if (a.name === 'style') found.push(`${tag}[style]`);
    }
  }
  return found;
}

const pages = [...hostilePages()];

describe('hostile pages', () => {
  it('there are fifty of them', () => expect(pages).toHaveLength(50));

  it.each(pages)('$name: no executable content anywhere Jingdu shows or exports it', ({ html }) => {
    const url = 'https://hostile.example/a.html';
    let article;
    try {
      article = cleanDocument(parseHtml(html, url), url, { sanitize: nodeSanitizer() });
    } catch (err) {
      // Some payloads (an unclosed <style> in <math>) swallow the page in any browser: then there is no article to show.
      expect(err).toBeInstanceOf(NoArticleError);
      return;
    }
    // What the popup, the reader and the library put into the page (they sanitize again too).
    expect(executable(article.contentHtml)).toEqual([]);
    expect(executable(nodeSanitizer()(article.contentHtml))).toEqual([]);
    // Exported standalone HTML, with a strict CSP on top.
    const exported = toStandaloneHtml(article);
    expect(executable(exported.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''))).toEqual([]);
    expect(exported).toContain("default-src 'none'");
    // Text fields are text: shown escaped by Preact, escaped in exports.
    for (const field of [article.title, article.author ?? '', article.source ?? '']) expect(exported).not.toContain(field.includes('<') ? field : '\u0000');
    // Markdown: the front matter is quoted data; the body must hold no raw HTML or script links.
    const mdBody = toMarkdown(article).split(/^---$/m).slice(2).join('---');
    expect(mdBody).not.toMatch(/<[a-z]|\]\(\s*javascript:/i);
    // And a download name that is safe on every system.
    expect(articleFilename(article, 'md')).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
  });
});

describe('hostile file names', () => {
  it.each(['../../etc/passwd', 'a\u0000b', 'con.txt', 'x'.repeat(500), '<script>.md', 'naïve\u202ecod.exe', '  ', '...', '湿地'.repeat(59), '😀'.repeat(70)])('%j', (name) => {
    const safe = safeFilename(name);
    // Linux takes at most 255 bytes a name: room is left for an extension and a "(2)".
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(200);
    expect(safe).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u202e]/);
    expect(safe.length).toBeGreaterThan(0);
    expect([...safe].length).toBeLessThanOrEqual(120);
    expect(safe).not.toMatch(/^(con|prn|aux|nul)(\..*)?$/i);
    expect(safe).not.toMatch(/^\.|[. ]$/);
  });
});

describe('hostile picture names in a zip or a book', () => {
  const names = ['..%2F..%2Fetc%2Fpasswd.jpg', 'a%5Cb.jpg', 'CON.jpg', 'aux.jpg', 'nul', 'C%3A%5Cwin.jpg', 'x%00y.jpg', '.htaccess', `${'名'.repeat(100)}.jpg`, 'a%23b.jpg', '100%25.jpg', 'a.jpg', 'A.JPG'];
  const files = new Map(names.map((n) => [`https://img.example.cn/p/${n}`, { type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) }]));
  const given = [...pictureFileNames(files, new Set()).values()];

  it.each(given.map((name, i) => [names[i], name]))('%s → %s: one plain file name, safe on every system and as an address', (_from, name) => {
    expect(name).not.toMatch(/[\\/:*?"<>|%#\u0000-\u001f\s]/);
    expect(name).not.toMatch(/^\.|^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  });

  it('gives every picture its own name, whatever the case', () => {
    expect(new Set(given.map((n) => n.toLowerCase())).size).toBe(given.length);
  });
});

