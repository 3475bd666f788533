import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    const r = jingdu('clean', ...seeds, '--format', 'json', '--out', out, '--jobs', '1');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(readdirSync(SEEDS).map((f) => f.replace(/\.txt$/, '.json')).sort());
    const article = JSON.parse(readFileSync(join(out, '000_1cd61db9e4fd8657.json'), 'utf8'));
    for (const key of ['title', 'subtitle', 'byline', 'author', 'source', 'editor', 'published', 'siteName', 'url', 'template', 'contentHtml', 'paragraphs', 'headings', 'captions', 'images', 'removed', 'script']) {
      expect(article, key).toHaveProperty(key);
    }
    expect(article.template).toMatchObject({ id: 'discuz' });
  });

  it('decodes GBK, Big5, UTF-16 and UTF-8 files to the same article', () => {
    const files = ['gbk', 'big5', 'utf16', 'utf8'].map((enc) => join(TEXTS, `notice.${enc}.txt`));
    const r = jingdu('clean', ...files, '--jsonl', '-', '--jobs', '1', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const titles = r.stdout.trim().split('\n').map((line) => JSON.parse(line).title as string);
    expect(titles).toEqual(['社区公告：老旧小区改造工程下月开工', '社區公告：老舊小區改造工程下月開工', '社区公告：老旧小区改造工程下月开工', '社区公告：老旧小区改造工程下月开工']);
  });

  it('prints Markdown to stdout', () => {
    const r = jingdu('clean', join(TEXTS, 'notice.utf8.txt'), '--format', 'md');
    expect(r.stdout).toMatch(/^---\ntitle: "社区公告/);
    expect(r.stdout).toContain('editor: "王欣"');
  });

  it('reports bad files clearly, exits non-zero and still cleans the others', () => {
    const out = mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
    const r = jingdu('clean', 'missing.txt', join(TEXTS, 'empty.txt'), join(ROOT, 'tests/e2e/pages/search-results.html'), join(TEXTS, 'notice.gbk.txt'), '--out', out, '--jobs', '1');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.txt: no such file');
    expect(r.stderr).toContain('empty.txt: the file is empty');
    expect(r.stderr).toContain('search-results.html: No article found');
    // Results mirror the inputs' folders below the one they share (tests/).
    expect(readdirSync(out, { recursive: true }).map(String)).toEqual(['fixtures-text', join('fixtures-text', 'notice.gbk.json')]);
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

describe('mistakes in how it is called', () => {
  const NOTICE = join(TEXTS, 'notice.utf8.txt');
  const tmp = () => mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
  /** One line on stderr, nothing on stdout, no stack trace, and the exit status. */
  const oneLine = (r: ReturnType<typeof jingdu>) => {
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    return { status: r.status, line: r.stderr.trim() };
  };

  it.each([
    [['--version'], /^jingdu: unknown option '--version'/],
    [['clean', NOTICE, '--bogus'], /^jingdu: unknown option '--bogus'/],
    [['clean', NOTICE, '--jobs', '-3'], /^jingdu: --jobs needs a value/],
    [['clean', NOTICE, '--jobs=-3'], /^jingdu: --jobs needs a whole number of at least 1, not '-3'/],
    [['clean', NOTICE, '--jobs', '0.5'], /^jingdu: --jobs needs a whole number/],
    [['clean', NOTICE, '--timeout', '1e10'], /^jingdu: --timeout needs a number of seconds above 0 and at most 86400, not '1e10'/],
    [['clean', NOTICE, '--timeout=-1'], /^jingdu: --timeout needs a number of seconds/],
    [['clean', NOTICE, '--out'], /^jingdu: --out needs a value/],
    [['clean', NOTICE, '--quiet=yes'], /^jingdu: --quiet takes no value/],
    [['clean'], /^jingdu: no inputs/],
    [['clean', NOTICE, '--resume'], /^jingdu: --resume needs --out DIR or --jsonl FILE/],
    [['clean', NOTICE, '--shard', '4/4'], /^jingdu: --shard needs I\/N with 0 ≤ I < N/],
    [['clean', NOTICE, '--shard', '1'], /^jingdu: --shard needs I\/N/],
    [['clean', NOTICE, '--shard', '0/0'], /^jingdu: --shard needs I\/N/],
  ])('%j is one line and exit 2', (args, message) => {
    const { status, line } = oneLine(jingdu(...args));
    expect(line).toMatch(message);
    expect(status).toBe(2);
  });

  it('an output that is a file where a folder belongs, or a folder where a file belongs, is one line and exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), 'mine');
    expect(oneLine(jingdu('clean', NOTICE, '--out', join(dir, 'a-file')))).toEqual({ status: 2, line: `jingdu: --out ${join(dir, 'a-file')}: not a folder (--out names the folder the results go into)` });
    expect(oneLine(jingdu('clean', NOTICE, '--jsonl', dir))).toEqual({ status: 2, line: `jingdu: --jsonl ${dir}: is a folder (--jsonl names a file)` });
    expect(oneLine(jingdu('clean', NOTICE, '--jsonl', join(dir, 'missing', 'x.jsonl'))).line).toMatch(/the folder .*missing does not exist$/);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('mine');
  });

  it('a missing input, an empty folder, a folder without pages and a glob matching nothing are one line and exit 1', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'no-pages'));
    writeFileSync(join(dir, 'no-pages', 'notes.json'), '{}');
    expect(oneLine(jingdu('clean', join(dir, 'missing.html')))).toEqual({ status: 1, line: `jingdu: ${join(dir, 'missing.html')}: no such file or folder` });
    expect(oneLine(jingdu('clean', join(dir, 'empty')))).toMatchObject({ status: 1, line: expect.stringMatching(/empty: no pages in this folder/) });
    expect(oneLine(jingdu('clean', join(dir, 'no-pages')))).toMatchObject({ status: 1, line: expect.stringMatching(/no-pages: no pages in this folder/) });
    expect(oneLine(jingdu('clean', join(dir, '*.html')))).toMatchObject({ status: 1, line: expect.stringMatching(/\*\.html: no file matches$/) });
  });
});

describe('what is already there is never replaced unless asked', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'jingdu-cli-'));
  const page = (title: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${'<p>记者近日从有关部门召开的工作会议上了解到，全区去年共改造户用卫生厕所四万多座，农牧区人居环境明显改善。</p>'.repeat(3)}</body></html>`;

  it('a second run into the same --out refuses, --resume skips and says how many, --force replaces', () => {
    const out = tmp();
    const input = join(TEXTS, 'notice.utf8.txt');
    expect(jingdu('clean', input, '--out', out).status).toBe(0);
    writeFileSync(join(out, 'notice.utf8.json'), 'edited by hand');
    const again = jingdu('clean', input, '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toBe(`jingdu: --out ${out}: ${join(out, 'notice.utf8.json')} already exists (--resume skips it, --force replaces it)`);
    expect(readFileSync(join(out, 'notice.utf8.json'), 'utf8')).toBe('edited by hand');
    const resumed = jingdu('clean', input, '--out', out, '--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain('1 skipped as already done (--resume)');
    expect(readFileSync(join(out, 'notice.utf8.json'), 'utf8')).toBe('edited by hand');
    expect(jingdu('clean', input, '--out', out, '--force').status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'notice.utf8.json'), 'utf8')).title).toBe('社区公告：老旧小区改造工程下月开工');
  });

  it('a second run into the same --jsonl refuses unless --resume or --force', () => {
    const file = join(tmp(), 'out.jsonl');
    writeFileSync(file, '{"id":"mine"}\n');
    const r = jingdu('clean', join(TEXTS, 'notice.utf8.txt'), '--jsonl', file);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`jingdu: --jsonl ${file}: already exists (--resume continues it, --force replaces it)`);
    expect(readFileSync(file, 'utf8')).toBe('{"id":"mine"}\n');
  });

  it('refuses an --out that would write over the inputs themselves', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'page.html'), page('甲地新闻'));
    const r = jingdu('clean', dir, '--out', dir, '--format', 'html');
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`jingdu: --out ${dir}: the result of ${join(dir, 'page.html')} would replace the input itself; choose another folder`);
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(page('甲地新闻'));
  });

  it('same-named inputs in different folders get their own outputs, and --resume after a stop skips only its own', () => {
    const dir = tmp();
    for (const sub of ['a', 'b', 'c']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'x.html'), page(`${sub}地新闻`));
    }
    const out = tmp();
    // An earlier run stopped after the first page.
    mkdirSync(join(out, 'a'));
    expect(jingdu('clean', join(dir, 'a', 'x.html'), join(dir, 'b', 'x.html'), '--out', out, '--quiet', '--jobs', '1').status).toBe(0);
    const resumed = jingdu('clean', dir, '--out', out, '--resume', '--jobs', '1');
    expect(resumed.status, resumed.stderr).toBe(0);
    const titles = ['a', 'b', 'c'].map((sub) => JSON.parse(readFileSync(join(out, sub, 'x.json'), 'utf8')).title);
    expect(titles).toEqual(['a地新闻', 'b地新闻', 'c地新闻']);
    expect(resumed.stderr).toContain('1 page: 1 cleaned');
    expect(resumed.stderr).toContain('2 skipped as already done');
  });

  it('never reads a FIFO in an input folder (it would never end)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.html'), page('甲地新闻'));
    execFileSync('mkfifo', [join(dir, 'pipe.html')]);
    const r = jingdu('clean', dir, '--jsonl', '-', '--quiet', '--jobs', '1');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).title)).toEqual(['甲地新闻']);
  });
});
