import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MergeStoppedError } from '../../lib/pages/collect';
import { fetchLaterPage } from '../../lib/pages/fetch-later-page';

/** Two local "sites": the article's, whose page 2 redirects to the other one, and the other. */
let article: Server;
let other: Server;
let articleOrigin = '';
let otherOrigin = '';
const cookiesSeenElsewhere: string[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

beforeAll(async () => {
  other = createServer((req, res) => {
    cookiesSeenElsewhere.push(req.headers.cookie ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>别的网站</p>');
  });
  otherOrigin = await listen(other);
  article = createServer((req, res) => {
    if (req.url === '/a_2.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(Buffer.from([0xb5, 0xda, 0xb6, 0xfe, 0xd2, 0xb3])); // 第二页
    if (req.url === '/a_3.html') return void res.writeHead(302, { location: `${otherOrigin}/landing.html` }).end();
    if (req.url === '/a_4.html') return void res.writeHead(301, { location: '/a_2.html' }).end();
    if (req.url === '/drip.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const timer = setInterval(() => res.write('<p>'), 100);
      req.socket.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/big.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>很长</p>'.repeat(300_000));
    if (req.url === '/loop.html') return void res.writeHead(302, { location: '/loop.html' }).end();
    res.writeHead(404).end();
  });
  articleOrigin = await listen(article);
});

afterAll(() => {
  article.close();
  other.close();
});

describe('fetching an article’s later pages', () => {
  it('reads a same-site page in the charset the server sends', async () => {
    expect(await fetchLaterPage(`${articleOrigin}/a_2.html`, articleOrigin, 'utf-8')).toBe('第二页');
  });

  it('refuses a page that redirects to another site without requesting the other site (its cookies are shared across ports)', async () => {
    const asked = cookiesSeenElsewhere.length;
    await expect(fetchLaterPage(`${articleOrigin}/a_3.html`, articleOrigin, 'utf-8')).rejects.toThrow(/redirected to another site/);
    expect(cookiesSeenElsewhere.length).toBe(asked);
  });

  it('follows a redirect that stays on the site, and gives up on a loop', async () => {
    expect(await fetchLaterPage(`${articleOrigin}/a_4.html`, articleOrigin, 'utf-8')).toBe('第二页');
    await expect(fetchLaterPage(`${articleOrigin}/loop.html`, articleOrigin, 'utf-8')).rejects.toThrow(/more than 5 redirects/);
  });

  it('never asks another site at all, and says why a page was not merged', async () => {
    const asked = cookiesSeenElsewhere.length;
    await expect(fetchLaterPage(`${otherOrigin}/a_2.html`, articleOrigin, 'utf-8')).rejects.toThrow(/another site/);
    expect(cookiesSeenElsewhere.length).toBe(asked);
    await expect(fetchLaterPage(`${articleOrigin}/missing.html`, articleOrigin, 'utf-8')).rejects.toThrow(/HTTP 404/);
  });

  it('gives up a later page that drips without end, and one larger than a page can be, saying which and why', async () => {
    await expect(fetchLaterPage(`${articleOrigin}/drip.html`, articleOrigin, 'utf-8', { timeoutMs: 1000 })).rejects.toThrow(/drip\.html: no answer within 1 s, not merged/);
    await expect(fetchLaterPage(`${articleOrigin}/big.html`, articleOrigin, 'utf-8', { mostBytes: 1 << 20 })).rejects.toThrow(/big\.html: larger than 1 MB, not merged/);
  });

  it('stops a page mid-way when the reader stops the merge, long before its deadline', async () => {
    const stop = new AbortController();
    const fetching = fetchLaterPage(`${articleOrigin}/drip.html`, articleOrigin, 'utf-8', { timeoutMs: 600_000, signal: stop.signal });
    // Whenever the stop comes, before the answer or while it drips, the outcome is the same.
    await new Promise((r) => setTimeout(r, 300));
    stop.abort();
    await expect(fetching).rejects.toBeInstanceOf(MergeStoppedError);
    await expect(fetchLaterPage(`${articleOrigin}/a_2.html`, articleOrigin, 'utf-8', { signal: stop.signal })).rejects.toBeInstanceOf(MergeStoppedError);
  });
});
