import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toEpub } from '../../lib/export/epub';
import { loadFixtures, runFixture } from '../helpers/fixtures';

const { window } = new JSDOM('');
const articles = ['news-portal--flood-season-duty', 'pinyin-mirror--rare-earth-park', 'discuz--party-members-thread'].map((name) =>
  runFixture(loadFixtures().find((f) => f.name === name)!),
);
const bytes = toEpub(articles, { title: '净读文库 2026-11-23', doc: window.document, id: 'urn:jingdu:2026-11-23', modified: '2026-11-23T10:00:00.000Z' });
const files = unzipSync(bytes);

describe('EPUB export', () => {
  it('starts with an uncompressed mimetype entry, as e-readers require', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // a local file header
    expect(view.getUint16(8, true)).toBe(0); // stored, not deflated
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(files.mimetype!)).toBe('application/epub+zip');
  });

  it('has one chapter per article, in order, listed in the spine and the table of contents', () => {
    const opf = strFromU8(files['OEBPS/content.opf']!);
    expect(opf.match(/<itemref /g)).toHaveLength(3);
    expect(opf).toContain('<dc:title>净读文库 2026-11-23</dc:title>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-23T10:00:00Z</meta>');
    const nav = strFromU8(files['OEBPS/nav.xhtml']!);
    for (const a of articles) expect(nav).toContain(a.title);
    expect(strFromU8(files['OEBPS/a1.xhtml']!)).toContain('<th>水库名称</th>');
  });

  it('marks each chapter with its own script (zh-Hant, zh-Hans) and names the writers as dc:creator', () => {
    expect(articles.map((a) => a.script)).toEqual(['simplified', 'traditional', 'simplified']);
    const langs = [1, 2, 3].map((i) => /<html [^>]*\bxml:lang="([^"]+)"/.exec(strFromU8(files[`OEBPS/a${i}.xhtml`]!))?.[1]);
    expect(langs).toEqual(['zh-Hans', 'zh-Hant', 'zh-Hans']);
    const opf = strFromU8(files['OEBPS/content.opf']!);
    const writers = [...new Set(articles.map((a) => a.author).filter(Boolean))];
    expect(writers.length).toBeGreaterThan(0);
    expect([...opf.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual(writers);
  });

  it('writes every page as well-formed XHTML with its pictures as links', () => {
    const parser = new window.DOMParser();
    for (const name of Object.keys(files).filter((n) => n.endsWith('.xhtml') || n.endsWith('.xml') || n.endsWith('.opf'))) {
      const doc = parser.parseFromString(strFromU8(files[name]!), 'application/xml');
      expect(doc.querySelector('parsererror'), name).toBeNull();
    }
    const withPicture = Object.values(files).map((f) => strFromU8(f)).find((x) => x.includes('[图片'));
    expect(withPicture).toBeDefined();
    for (const name of Object.keys(files)) expect(strFromU8(files[name]!)).not.toMatch(/<img|<script/i);
  });
});
