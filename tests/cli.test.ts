import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS, requireShared } from './helpers/golden';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const TEXTS = join(ROOT, 'tests', 'fixtures-text');
const jingdu = (...args: string[]) => spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('jingdu clean', () => {
  it('writes <basename>.json for every seed, in the fields the scorer reads', () => {
    const out = mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
    requireShared();
    const seeds = readdirSync(SEEDS).map((f) => join(SEEDS, f));
    const r = jingdu('clean', ...seeds, '--format', 'json', '--out', out);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '.json')).sort());
    const article = JSON.parse(readFileSync(join(out, '000_1cd61db9e4fd8657.json'), 'utf8'));
    for (const key of ['title', 'subtitle', 'byline', 'author', 'source', 'editor', 'published', 'siteName', 'url', 'template', 'contentHtml', 'paragraphs', 'headings', 'captions', 'images', 'removed', 'script']) {
      expect(article, key).toHaveProperty(key);
    }
    expect(article.template).toMatchObject({ id: 'discuz' });
  });

  it('decodes GBK, Big5, UTF-16 and UTF-8 files to the same article', () => {
    const titles = ['gbk', 'big5', 'utf16', 'utf8'].map((enc) => {
      const r = jingdu('clean', join(TEXTS, `notice.${enc}.txt`), '--format', 'json');
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).title as string;
    });
    expect(titles).toEqual(['社区公告：老旧小区改造工程下月开工', '社區公告：老舊小區改造工程下月開工', '社区公告：老旧小区改造工程下月开工', '社区公告：老旧小区改造工程下月开工']);
  });

  it('prints Markdown to stdout', () => {
    const r = jingdu('clean', join(TEXTS, 'notice.utf8.txt'), '--format', 'md');
    expect(r.stdout).toMatch(/^---\ntitle: "社区公告/);
    expect(r.stdout).toContain('editor: "王欣"');
  });

  it('reports bad files clearly, exits non-zero and still cleans the others', () => {
    const out = mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
    const r = jingdu('clean', 'missing.txt', join(TEXTS, 'empty.txt'), join(ROOT, 'tests/e2e/pages/search-results.html'), join(TEXTS, 'notice.gbk.txt'), '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.txt: no such file');
    expect(r.stderr).toContain('empty.txt: the file is empty');
    expect(r.stderr).toContain('search-results.html: No article found');
    expect(readdirSync(out)).toEqual(['notice.gbk.json']);
  });

  it('converts the output to the chosen script, after the pinyin annotations are gone', () => {
    const mirror = join(SEEDS, '002_2cd10dd856430655.txt');
    const cn = jingdu('clean', mirror, '--format', 'txt', '--script', 'cn');
    expect(cn.status, cn.stderr).toBe(0);
    expect(cn.stdout).toContain('王润宇：疫情防控和开工复工“两副担子”一起挑');
    expect(cn.stdout).toContain('乡村干部报');
    expect(cn.stdout).not.toMatch(/復工|幹部|\(fù\)/);
    const traditional = JSON.parse(jingdu('clean', join(TEXTS, 'notice.utf8.txt'), '--script', 't').stdout);
    expect(traditional.title).toBe('社區公告：老舊小區改造工程下月開工');
    expect(traditional.script).toBe('traditional');
  });

  it('merges an article’s later pages saved beside it, whether its links are local or the site’s', () => {
    const paged = join(ROOT, 'tests', 'e2e', 'pages', 'paged', 'report.htm');
    for (const extra of [[], ['--url', 'https://www.nanhu.example/news/2024/0603/report.htm']]) {
      const r = jingdu('clean', paged, '--merge-pages', ...extra);
      expect(r.status, r.stderr).toBe(0);
      const article = JSON.parse(r.stdout);
      expect(article.paragraphs).toHaveLength(5);
      expect(article.paragraphs.at(-1)).toMatch(/^目前，全镇已有十一个村/);
      expect(article.mergedPages).toHaveLength(2);
    }
    expect(JSON.parse(jingdu('clean', paged).stdout).paragraphs).toHaveLength(2);
  });

  it('rejects unknown formats, scripts and commands with usage', () => {
    expect(jingdu('clean', 'x.txt', '--format', 'pdf').stderr).toContain("unknown format 'pdf'");
    expect(jingdu('clean', 'x.txt', '--script', 'klingon').stderr).toContain("unknown script 'klingon'");
    expect(jingdu('frobnicate').status).toBe(2);
    const unknownRule = jingdu('clean', 'x.txt', '--disable', 'pinyin,frobnicate');
    expect(unknownRule.status).toBe(2);
    expect(unknownRule.stderr).toContain("unknown rule 'frobnicate' (rules: jammer, pinyin, boilerplate");
    expect(execFileSync('node', [BIN, '--help'], { encoding: 'utf8' })).toContain('usage: jingdu clean');
  });
});
