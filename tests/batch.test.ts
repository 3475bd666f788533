import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';

/** The CLI as corpus builders drive it: many pages, streams, archives, parallel jobs. */
const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jingdu.mjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const jingdu = (args: string[], input?: string) => spawnSync('node', [BIN, 'clean', ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 256 << 20 });
const tmp = () => mkdtempSync(join(tmpdir(), 'jingdu-batch-'));
const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

const PROSE = '记者近日从有关部门召开的工作会议上了解到，全区去年共改造户用卫生厕所四万多座，农牧区人居环境明显改善。';
const page = (title: string, paragraphs = 4) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${`<p>${PROSE}</p>`.repeat(paragraphs)}</body></html>`;
const fixturePages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort();
const stdinCorpus = fixturePages.map((f, i) => JSON.stringify({ id: `doc-${i}`, url: `https://example.cn/${f}`, html: readFileSync(join(FIXTURES, f), 'utf8') })).join('\n');

describe('JSON Lines in and out', () => {
  it('cleans stdin to stdout, one line per input in input order, with its id and url; --jobs 1 and 2 agree', () => {
    const one = jingdu(['-', '--jobs', '1', '--quiet'], stdinCorpus);
    const two = jingdu(['-', '--jobs', '2', '--quiet'], stdinCorpus);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const records = lines(one.stdout);
    expect(records.map((r) => r.id)).toEqual(fixturePages.map((_, i) => `doc-${i}`));
    expect(records[0]!.url).toBe(`https://example.cn/${fixturePages[0]}`);
    expect((records[0]!.paragraphs as string[]).length).toBeGreaterThan(0);
  });

  it('takes text records, reports a broken line without stopping, and says so in the exit code', () => {
    const input = [JSON.stringify({ id: 't1', text: `${'标题一行'}\n\n${PROSE}\n${PROSE}` }), '{not json', JSON.stringify({ id: 'h1', html: page('第二篇') })].join('\n');
    const r = jingdu(['-', '--jobs', '2'], input);
    expect(r.status).toBe(1);
    const records = lines(r.stdout);
    expect(records.map((x) => x.id)).toEqual(['t1', 'line 2', 'h1']);
    expect(records[1]!.error).toBe('failed');
    expect(records[2]!.title).toBe('第二篇');
    expect(r.stderr).toMatch(/3 pages: 2 cleaned, 0 no article, 0 refused, 0 timed out, 1 failed/);
  });

  it('a line too large to be a page is reported and skipped as it streams; the line after it is still cleaned', () => {
    const huge = JSON.stringify({ id: 'huge', html: `<p>${'字'.repeat(14 << 20)}</p>` }); // about 42 MB of UTF-8
    const input = [JSON.stringify({ id: 'before', html: page('第一篇') }), huge, JSON.stringify({ id: 'after', html: page('第三篇') })].join('\n');
    const r = jingdu(['-', '--jobs', '1'], input);
    expect(r.status).toBe(1);
    const records = lines(r.stdout);
    expect(records.map((x) => x.id)).toEqual(['before', 'line 2', 'after']);
    expect(records[1]!.message).toMatch(/too large to clean \(\d+ MB; the limit is 32 MB\)/);
    expect(records[2]!.title).toBe('第三篇');
  });

  it('splits across two GNU parallel jobs and merges to the one-process output', () => {
    const whole = jingdu(['-', '--jobs', '1', '--quiet'], stdinCorpus);
    const split = spawnSync('parallel', ['--will-cite', '--pipe', '-N', '10', '-j', '2', '--keep-order', 'node', BIN, 'clean', '-', '--jobs', '1', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: stdinCorpus,
      maxBuffer: 256 << 20,
    });
    expect(split.error, 'GNU parallel is needed (Debian package parallel)').toBeUndefined();
    expect(split.status, split.stderr).toBe(0);
    expect(split.stdout).toBe(whole.stdout);
  });

  it('--resume cleans only what an earlier run did not', () => {
    const out = join(tmp(), 'corpus.jsonl');
    const first = stdinCorpus.split('\n').slice(0, 3).join('\n');
    expect(jingdu(['-', '--jsonl', out, '--quiet'], first).status).toBe(0);
    const again = jingdu(['-', '--jsonl', out, '--resume'], stdinCorpus);
    expect(again.stderr).toContain(`${fixturePages.length - 3} pages:`);
    expect(lines(readFileSync(out, 'utf8')).map((r) => r.id)).toEqual(fixturePages.map((_, i) => `doc-${i}`));
  });
});

describe('shards and killed runs', () => {
  it('--shard I/N: N tasks over the same inputs cover each exactly once, and their lines interleave into one process\'s output', () => {
    const whole = jingdu(['-', '--jsonl', '-', '--jobs', '1', '--quiet'], stdinCorpus).stdout.trim().split('\n');
    const shards = [0, 1, 2].map((i) => jingdu(['-', '--shard', `${i}/3`, '--jsonl', '-', '--jobs', '1', '--quiet'], stdinCorpus).stdout.trim().split('\n'));
    expect(shards.map((s) => s.length)).toEqual([0, 1, 2].map((i) => Math.ceil((fixturePages.length - i) / 3)));
    expect(whole.map((_, k) => shards[k % 3]![Math.floor(k / 3)])).toEqual(whole);
  });

  it('--resume after a kill drops the half-written last line and continues; a shard continues by position', () => {
    const dir = tmp();
    const full = join(dir, 'full.jsonl');
    jingdu(['-', '--shard', '1/2', '--jsonl', full, '--jobs', '1', '--quiet'], stdinCorpus);
    const text = readFileSync(full, 'utf8');
    // A killed run: three lines whole, the fourth cut off half-way.
    const cut = text.split('\n').slice(0, 3).join('\n').length + 1 + 40;
    for (const resumed of [join(dir, 'shard.jsonl'), join(dir, 'plain.jsonl')]) {
      writeFileSync(resumed, text.slice(0, cut));
      const shard = resumed.endsWith('shard.jsonl') ? ['--shard', '1/2'] : [];
      const input = shard.length ? stdinCorpus : stdinCorpus.split('\n').filter((_, i) => i % 2 === 1).join('\n');
      const r = jingdu(['-', ...shard, '--jsonl', resumed, '--resume', '--jobs', '1'], input);
      expect(r.stderr).toContain('3 skipped as already done');
      expect(readFileSync(resumed, 'utf8')).toBe(text);
    }
  });
});

describe('folders, archives and time limits', () => {
  it('reads a WARC.gz: one result per HTML response, with its target URI and date', async () => {
    const records = [
      WARCRecord.create({ url: 'https://news.example.cn/a.html', date: '2012-01-17T08:00:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html; charset=gbk' } }, [iconv.encode(page('甲地新闻'), 'gbk')]),
      WARCRecord.create({ url: 'https://news.example.cn/logo.png', type: 'response', httpHeaders: { 'Content-Type': 'image/png' } }, [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])]),
      WARCRecord.create({ url: 'https://news.example.cn/b.html', date: '2012-01-18T09:30:00Z', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode(page('乙地新闻'))]),
      WARCRecord.create({ url: 'https://news.example.cn/b.html', type: 'request', httpHeaders: {} }, []),
    ];
    const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r)));
    const file = join(tmp(), 'crawl.warc.gz');
    writeFileSync(file, Buffer.concat(parts.map((p) => gzipSync(p))));
    const r = jingdu([file, '--jsonl', '-', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((x) => [x.url, x.title, x.fetched])).toEqual([
      ['https://news.example.cn/a.html', '甲地新闻', '2012-01-17T08:00:00Z'],
      ['https://news.example.cn/b.html', '乙地新闻', '2012-01-18T09:30:00Z'],
    ]);
  });

  it('reports a WARC file that is garbage or cut short, keeps the records before the damage, and exits 1', async () => {
    const dir = tmp();
    const good = await Promise.all(
      ['甲地新闻', '乙地新闻'].map((title, i) =>
        WARCSerializer.serialize(WARCRecord.create({ url: `https://news.example.cn/${i}.html`, type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode(page(title))])),
      ),
    );
    const members = good.map((p) => gzipSync(p));
    // The second record's gzip member breaks off halfway.
    writeFileSync(join(dir, 'cut.warc.gz'), Buffer.concat([members[0]!, members[1]!.subarray(0, members[1]!.length >> 1)]));
    writeFileSync(join(dir, 'garbage.warc'), Buffer.from('这不是网页存档，只是一段文字。\n'.repeat(50)));
    const r = jingdu([join(dir, 'cut.warc.gz'), join(dir, 'garbage.warc'), '--jsonl', '-', '--jobs', '1']);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toMatchObject({ url: 'https://news.example.cn/0.html', title: '甲地新闻' });
    expect(out.slice(1)).toEqual([
      expect.objectContaining({ id: join(dir, 'cut.warc.gz'), error: 'failed', message: expect.stringMatching(/^the WARC file is damaged or cut short after 1 record/) }),
      expect.objectContaining({ id: join(dir, 'garbage.warc'), error: 'failed', message: expect.stringMatching(/damaged or cut short after 0 records: it does not start with WARC/) }),
    ]);
  });

  it('reports a record whose Content-Length is too short instead of cleaning its cut-off page, reads the records after it, and exits 1', async () => {
    const dir = tmp();
    const records = await Promise.all(
      ['甲地新闻', '乙地新闻', '丙地新闻'].map((title, i) =>
        WARCSerializer.serialize(WARCRecord.create({ url: `https://news.example.cn/${i}.html`, type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode(page(title))])),
      ),
    );
    // The first record says it is 30 bytes shorter than it is.
    const wrong = Buffer.from(Buffer.from(records[0]!).toString('latin1').replace(/Content-Length: (\d+)/, (_, n) => `Content-Length: ${Number(n) - 30}`), 'latin1');
    for (const [name, bytes] of [['short.warc', Buffer.concat([wrong, ...records.slice(1)])], ['short.warc.gz', Buffer.concat([wrong, ...records.slice(1)].map((m) => gzipSync(m)))]] as const) {
      writeFileSync(join(dir, name), bytes);
      const r = jingdu([join(dir, name), '--jsonl', '-', '--jobs', '1']);
      expect(r.status, name).toBe(1);
      expect(lines(r.stdout)).toEqual([
        expect.objectContaining({ url: 'https://news.example.cn/0.html', error: 'failed', message: expect.stringMatching(/Content-Length does not match its content/) }),
        expect.objectContaining({ url: 'https://news.example.cn/1.html', title: '乙地新闻' }),
        expect.objectContaining({ url: 'https://news.example.cn/2.html', title: '丙地新闻' }),
      ]);
      // warcio's own log line is not left on the terminal: the report says it in the run's words.
      expect(r.stderr).not.toMatch(/Content-Length Too Small/);
    }
  });

  it('a WARC.gz with a 40 MB picture record between pages reads every page after it', async () => {
    const dir = tmp();
    const record = (url: string, type: string, body: Uint8Array) => WARCSerializer.serialize(WARCRecord.create({ url, type: 'response', httpHeaders: { 'Content-Type': type } }, [body]));
    const members = await Promise.all([
      record('https://news.example.cn/0.html', 'text/html', new TextEncoder().encode(page('甲地新闻'))),
      record('https://news.example.cn/big.jpg', 'image/jpeg', new Uint8Array(40 << 20)),
      record('https://news.example.cn/1.html', 'text/html', new TextEncoder().encode(page('乙地新闻'))),
    ]);
    writeFileSync(join(dir, 'mixed.warc.gz'), Buffer.concat(members.map((m) => gzipSync(m))));
    const r = jingdu([join(dir, 'mixed.warc.gz'), '--jsonl', '-', '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(lines(r.stdout).map((x) => x.title)).toEqual(['甲地新闻', '乙地新闻']);
  });

  it('a WARC.gz whose gzip member inflates to a gibibyte after its record is damaged after some megabytes: the record before is cleaned, exit 1', async () => {
    const dir = tmp();
    const record = await WARCSerializer.serialize(WARCRecord.create({ url: 'https://news.example.cn/0.html', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode(page('甲地新闻'))]));
    // One member: the record, then 1 GiB of zeros (4.5 MB on disk).
    const gzip = createGzip({ level: 1 });
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => gzip.on('end', resolve));
    gzip.write(record);
    const zeros = Buffer.alloc(1 << 20);
    for (let i = 0; i < 1024; i++) gzip.write(zeros);
    gzip.end();
    await ended;
    writeFileSync(join(dir, 'bomb.warc.gz'), Buffer.concat(chunks));
    const r = jingdu([join(dir, 'bomb.warc.gz'), '--jsonl', '-', '--jobs', '1']);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toMatchObject({ url: 'https://news.example.cn/0.html', title: '甲地新闻' });
    expect(out[1]).toMatchObject({ error: 'failed', message: expect.stringMatching(/damaged or cut short after 1 record: more than 16 MB that belong to no record/) });
  });

  it('reads a folder recursively and skips a page past its time limit, cleaning the rest', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.html'), page('第一篇'));
    writeFileSync(join(dir, 'notes.json'), '{}'); // not a page: not read
    const sub = join(dir, 'more');
    spawnSync('mkdir', [sub]);
    writeFileSync(join(sub, 'b.html'), page('第二篇'));
    writeFileSync(join(sub, 'huge.html'), page('巨大的页面', 40_000));
    const out = tmp();
    // The huge page needs many seconds on any machine, a small one a few hundredths: 2 s tells them apart even on a busy one.
    const r = jingdu([dir, '--out', out, '--timeout', '2', '--jobs', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/huge\.html: took longer than 2 s, skipped/);
    expect(r.stderr).toMatch(/3 pages: 2 cleaned, 0 no article, 0 refused, 1 timed out/);
    // The results mirror the input folders.
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['a.json', 'more', join('more', 'b.json')]);
  });
});

describe('hostile and broken input, in one run', () => {
  const TRAD = '記者近日從有關部門召開的工作會議上了解到，全區去年共改造戶用衛生廁所四萬多座，農牧區人居環境明顯改善。';
  const declared = (title: string, charset: string, text: string) =>
    `<html><head><meta charset="${charset}"><title>${title}</title></head><body><h1>${title}</h1>${`<p>${text}</p>`.repeat(4)}</body></html>`;
  const inputs: Record<string, Uint8Array | string> = {
    'gbk-declaring-utf8.html': iconv.encode(declared('甲地新闻', 'utf-8', PROSE), 'gbk'),
    'big5-declaring-gbk.html': iconv.encode(declared('臺灣新聞報導', 'gbk', TRAD), 'big5'),
    'utf16-without-bom.html': iconv.encode(declared('乙地新闻', 'utf-16', PROSE), 'utf16-le'),
    'shift-jis.html': iconv.encode(declared('東京のニュース', 'shift_jis', '東京都は昨日、新しい防災計画を発表しました。地震や台風に備えて、各地区の避難所を増やし、食料や水の備蓄を強化するということです。'), 'shift_jis'),
    'windows-1252.html': iconv.encode(declared('Café news', 'windows-1252', 'The café on the corner reopened yesterday after a long renovation, and the owners said the crème brûlée is back on the menu for all who missed it.'), 'windows-1252'),
    'empty-doctype.html': `<!DOCTYPE>${page('丙地新闻').replace('<!DOCTYPE html>', '')}`,
    'nested-10000-deep.html': page('丁地新闻').replace('<body>', `<body>${'<div>'.repeat(10_000)}`).replace('</body>', `${'</div>'.repeat(10_000)}</body>`),
    'million-nodes.html': page('戊地新闻').replace('</body>', `<div>${'<i></i>'.repeat(1_000_000)}</div></body>`),
    // 50 MB of article paragraphs: refused by its size before it is read, in one line.
    'fifty-mb.html': page('己地新闻').replace('</body>', `<div id="content">${`<p>${PROSE}</p>\n`.repeat(Math.ceil((50 << 20) / (PROSE.length * 3 + 8)))}</div></body>`),
    'photo.html': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]),
  };

  it('gives each a correct article or a one-line refusal, and cleans the others', () => {
    const dir = tmp();
    for (const [name, bytes] of Object.entries(inputs)) writeFileSync(join(dir, name), bytes);
    // Each is cleaned or refused for what it is, never for how fast the machine is: the time limit is set out of the way.
    const r = jingdu([dir, '--jsonl', '-', '--jobs', '2', '--timeout', '3000']);
    const byName = Object.fromEntries(lines(r.stdout).map((x) => [String(x.id).split('/').pop(), x]));
    const title = (name: string) => byName[name]?.title;
    expect(title('gbk-declaring-utf8.html')).toBe('甲地新闻');
    expect(title('big5-declaring-gbk.html')).toBe('臺灣新聞報導');
    expect((byName['big5-declaring-gbk.html']!.paragraphs as string[])[0]).toBe(TRAD);
    expect(title('utf16-without-bom.html')).toBe('乙地新闻');
    expect(title('shift-jis.html')).toBe('東京のニュース');
    expect(title('windows-1252.html')).toBe('Café news');
    expect(title('empty-doctype.html')).toBe('丙地新闻');
    expect(title('nested-10000-deep.html')).toBe('丁地新闻');
    expect(byName['million-nodes.html']).toMatchObject({ error: 'refused', message: expect.stringMatching(/too large to clean \(1,000,0\d\d elements/) });
    expect(byName['fifty-mb.html']).toMatchObject({ error: 'refused', message: 'too large to clean (50 MB; the limit is 32 MB)' });
    expect(byName['photo.html']).toMatchObject({ error: 'refused', message: 'not a text or HTML file' });
    expect(r.stderr).toMatch(/10 pages: 7 cleaned, 0 no article, 3 refused, 0 timed out, 0 failed/);
    expect(r.stderr.split('\n').filter((l) => l.includes('photo.html'))).toEqual([`jingdu: ${join(dir, 'photo.html')}: not a text or HTML file`]);
  });
});

describe('the worker pool', () => {
  it('fails every page with the reason when its workers cannot start, instead of hanging', async () => {
    const { WorkerPool } = await import('../cli/pool');
    const broken = join(tmp(), 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('missing module');\n");
    const pool = new WorkerPool({ size: 2, timeoutMs: 5_000, recycleAfter: 10, heapMb: 256, workerScript: pathToFileURL(broken) });
    const job = (seq: number) => ({ seq, input: { id: `p${seq}`, html: page('甲') }, options: { clean: {}, format: 'json' as const, jsonl: true } });
    const outcomes = await Promise.all([pool.run(job(0)), pool.run(job(1))]);
    const late = await pool.run(job(2));
    await pool.close();
    for (const o of [...outcomes, late]) expect(o).toMatchObject({ status: 'failed', message: expect.stringMatching(/could not start: .*missing module/) });
  });
});
