import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const PAGE_FILE = join(ROOT, 'tests', 'e2e', 'pages', 'site-rules', 'news-with-comments.html');
const PAGE = readFileSync(PAGE_FILE, 'utf8');
const ADDRESS = 'http://news.jiangbei.example/news/2024/0418/elevator.html';
const REPLY = '我们小区去年就开始协商了';
const jingdu = (...args: string[]) => spawnSync('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

const RULE = {
  schema: 1,
  id: 'jiangbei-news',
  label: '江北新闻网',
  match: { hosts: ['.jiangbei.example'] },
  remove: ['#replyBox'],
  tests: [{ url: ADDRESS, contains: ['加装电梯最难的是邻里协商'], notContains: [REPLY] }],
};

function workdir(): string {
  return mkdtempSync(join(tmpdir(), 'jingdu-rules-'));
}

/** The page as a browser saves it: with the "saved from url" note naming where it came from. */
function savedCopy(dir: string, address = ADDRESS): string {
  const file = join(dir, 'elevator.html');
  writeFileSync(file, `<!-- saved from url=(${String(address.length).padStart(4, '0')})${address} -->\n${PAGE}`);
  return file;
}

describe('jingdu clean --rules', () => {
  it("applies a rule to the page's site and says so in the JSON", () => {
    const dir = workdir();
    writeFileSync(join(dir, 'rule.json'), JSON.stringify(RULE));
    const without = jingdu('clean', PAGE_FILE, '--url', ADDRESS);
    expect(JSON.parse(without.stdout).paragraphs.join('\n')).toContain(REPLY);
    const r = jingdu('clean', PAGE_FILE, '--url', ADDRESS, '--rules', join(dir, 'rule.json'));
    expect(r.status, r.stderr).toBe(0);
    const article = JSON.parse(r.stdout);
    expect(article.paragraphs.join('\n')).not.toContain(REPLY);
    expect(article.siteRules).toEqual([{ id: 'jiangbei-news', label: '江北新闻网', scope: 'site', content: 'not-set', fields: [], removed: 1 }]);
    expect(article.removed.map((i: { rule: string }) => i.rule)).toContain('site-rule:jiangbei-news');
  });

  it('matches a page saved to disk by the address it states, in a batch of workers as in one process', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'rule.json'), JSON.stringify(RULE));
    const file = savedCopy(dir);
    const other = join(dir, 'other.html');
    writeFileSync(other, PAGE.replace('<head>', '<head><link rel="canonical" href="http://elsewhere.example/a.html">'));
    const r = jingdu('clean', file, other, '--rules', join(dir, 'rule.json'), '--jsonl', '-', '--jobs', '2', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    const [fixed, untouched] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(fixed.paragraphs.join('\n')).not.toContain(REPLY);
    expect(untouched.paragraphs.join('\n')).toContain(REPLY);
    expect(untouched.siteRules).toBeUndefined();
  });

  it('reads a folder of rules, ftr-site-config files among them, and lists what it refused', () => {
    const dir = workdir();
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    writeFileSync(join(rules, 'good.json'), JSON.stringify([RULE, { schema: 1, id: 'everywhere', match: {} }]));
    cpSync(join(ROOT, 'tests', 'fixtures-rules', 'ftr', '.tvbs.com.tw.txt'), join(rules, '.tvbs.com.tw.txt'));
    const r = jingdu('clean', PAGE_FILE, '--url', ADDRESS, '--rules', rules);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).paragraphs.join('\n')).not.toContain(REPLY);
    expect(r.stderr).toContain('rule 2 (everywhere) refused: match: names no host');
    expect(r.stderr).toMatch(/\.tvbs\.com\.tw\.txt:6: not imported \(XPath with no CSS equivalent/);
  });

  it('refuses a rule file that is not JSON, with its name, and cleans nothing', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'broken.json'), '{ "schema": 1, ');
    const r = jingdu('clean', PAGE_FILE, '--rules', join(dir, 'broken.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jingdu: --rules .*broken\.json: not JSON/);
    expect(r.stdout).toBe('');
  });
});

describe('jingdu rules test', () => {
  it("passes when each test's page is among the saved pages and says what it must", () => {
    const dir = workdir();
    writeFileSync(join(dir, 'rule.json'), JSON.stringify(RULE));
    savedCopy(dir);
    const r = jingdu('rules', 'test', join(dir, 'rule.json'), dir);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe(`ok    jiangbei-news  ${ADDRESS}\n`);
    expect(r.stderr).toContain('1 tests: 1 passed, 0 failed');
  });

  it('fails, saying why, on a phrase still there, a page not saved and a rule that does not apply', () => {
    const dir = workdir();
    const weak = { ...RULE, remove: ['.related'] };
    const elsewhere = { ...RULE, id: 'elsewhere', match: { hosts: ['other.example'] }, tests: [{ url: ADDRESS, contains: ['电梯'] }] };
    const missing = { ...RULE, id: 'missing', tests: [{ url: 'https://news.jiangbei.example/never-saved.html', contains: ['x'] }] };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify([weak, elsewhere, missing]));
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    savedCopy(pages);
    const r = jingdu('rules', 'test', join(dir, 'rules.json'), pages);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`FAIL  jiangbei-news  ${ADDRESS}\n      still contains "${REPLY}"`);
    expect(r.stdout).toContain('FAIL  elsewhere');
    expect(r.stdout).toContain('the rule does not apply to this page');
    expect(r.stdout).toContain('FAIL  missing  https://news.jiangbei.example/never-saved.html\n      no saved page with this address');
    expect(r.stderr).toContain('3 tests: 0 passed, 3 failed');
  });

  it('finds the page in a WARC file by its record address', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'rule.json'), JSON.stringify(RULE));
    const body = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${PAGE}`);
    const record = Buffer.concat([
      Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${ADDRESS}\r\nWARC-Date: 2024-04-18T02:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${body.length}\r\n\r\n`),
      body,
      Buffer.from('\r\n\r\n'),
    ]);
    writeFileSync(join(dir, 'crawl.warc.gz'), gzipSync(record));
    const r = jingdu('rules', 'test', join(dir, 'rule.json'), join(dir, 'crawl.warc.gz'));
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('ok    jiangbei-news');
  });

  it('says how it is used when rules or pages are missing', () => {
    expect(jingdu('rules', 'test').stderr).toBe('jingdu: usage: jingdu rules test FILE|DIR PAGES...\n');
    expect(jingdu('rules', 'check').status).toBe(2);
  });
});
