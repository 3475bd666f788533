import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nodeSanitizer, parseHtml } from '../cli/node-dom';
import { articleFilename, safeFilename } from '../lib/export/filename';
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
  it.each(['../../etc/passwd', 'a\u0000b', 'con.txt', 'x'.repeat(500), '<script>.md', 'naïve\u202ecod.exe', '  ', '...'])('%j', (name) => {
    const safe = safeFilename(name);
    expect(safe).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u202e]/);
    expect(safe.length).toBeGreaterThan(0);
    expect([...safe].length).toBeLessThanOrEqual(120);
    expect(safe).not.toMatch(/^(con|prn|aux|nul)(\..*)?$/i);
    expect(safe).not.toMatch(/^\.|[. ]$/);
  });
});
