import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const PAGES = join(import.meta.dirname, '..', 'e2e', 'pages', 'pictures');

/** A real PNG (any viewer decodes it): a solid colour, so each colour is a different picture. */
export function pngPicture(width: number, height: number, [r, g, b]: [number, number, number], noise = false): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  // Noise does not compress: a noise picture weighs about width × height × 3 bytes.
  let seed = r * 65536 + g * 256 + b + 1;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 255;
  const row = () => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => (noise ? [random(), random(), random()] : [r, g, b])).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, row)));
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The colour a picture name asks for: /p/红.png?c=3 is colour 3. */
export function colourOf(n: number): [number, number, number] {
  return [(n * 67) % 256, (n * 131) % 256, (n * 199) % 256];
}

export interface PictureServer {
  server: Server;
  base: string;
  /** Every request the server answered, with the Referer it carried. */
  requests: Array<{ path: string; referer: string | undefined; cookie: string | undefined }>;
  close(): Promise<void>;
  /** From now on, picture requests are held unanswered (counted in `held`) until release(). */
  hold(): void;
  release(): void;
  held(): number;
}

/**
 * A picture host like sinaimg or mmbiz: it refuses (403) any request whose Referer is another
 * site's page, as hotlink protection does, and serves the rest.
 * - /p/NAME?c=N — a 320×200 PNG of colour N (the name may be Chinese); with &kb=K, noise of about K KB
 * - /pages/NAME.html — a page of tests/e2e/pages/pictures with {{PICTURE_HOST}} filled in (this
 *   server, or `pictureHost` when the pictures live on another one)
 * - /many.html?n=N&kb=K — a news page with N noise pictures of about K KB each
 * - /huge.jpg — declares 80 MB; /endless.png — sends PNG bytes without a length until 80 MB
 * - /trickle.png — PNG bytes, 1 KB every 100 ms, without end (until the client goes)
 * - /not-a-picture.jpg — an HTML page sent as image/jpeg; /missing.png — 404
 */
export async function servePictures(options: { pictureHost?: string } = {}): Promise<PictureServer> {
  const requests: PictureServer['requests'] = [];
  let port = 0;
  let holding = false;
  let waiting: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: decodeURIComponent(url.pathname), referer: req.headers.referer, cookie: req.headers.cookie });
    const host = req.headers.host ?? '';
    if (req.headers.referer && new URL(req.headers.referer).host !== host) return void res.writeHead(403).end('hotlinking refused');
    const pictureHost = options.pictureHost ?? `http://127.0.0.1:${port}`;
    if (url.pathname.startsWith('/pages/')) {
      const page = readFileSync(join(PAGES, url.pathname.slice('/pages/'.length).replace(/[^\w.-]/g, '')), 'utf8');
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.replaceAll('{{PICTURE_HOST}}', pictureHost));
    }
    if (url.pathname === '/many.html') {
      const n = Number(url.searchParams.get('n') ?? 200);
      const kb = url.searchParams.get('kb') ?? '400';
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(manyPicturesPage(pictureHost, n, kb));
    }
    if (url.pathname.startsWith('/p/') && holding) return void waiting.push(() => answerPicture(url, res));
    if (url.pathname.startsWith('/p/')) return answerPicture(url, res);

    if (url.pathname === '/huge.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(80 * 1024 * 1024) });
      res.write(Buffer.from([0xff, 0xd8, 0xff]));
      req.socket.on('close', () => res.destroy());
      return;
    }
    if (url.pathname === '/endless.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      const block = Buffer.alloc(1024 * 1024, 7);
      let sent = 0;
      const pump = () => {
        while (sent < 80 && !res.destroyed) {
          sent++;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.write(pngPicture(1, 1, [0, 0, 0]).subarray(0, 8));
      return pump();
    }
    if (url.pathname === '/trickle.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(pngPicture(1, 1, [0, 0, 0]).subarray(0, 8));
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(Buffer.alloc(1024, 7))), 100);
      req.socket.on('close', () => clearInterval(timer));
      return;
    }
    if (url.pathname === '/not-a-picture.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html><script>alert(1)</script></html>');
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    requests,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      const answers = waiting;
      waiting = [];
      for (const answer of answers) answer();
    },
    held: () => waiting.length,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** /p/NAME?c=N[&kb=K]: a 320×200 PNG of colour N, or noise of about K KB. */
function answerPicture(url: URL, res: ServerResponse): void {
  if (res.destroyed) return;
  const colour = colourOf(Number(url.searchParams.get('c') ?? 0));
  const kb = Number(url.searchParams.get('kb') ?? 0);
  const side = kb ? Math.round(Math.sqrt((kb * 1024) / 3)) : 0;
  res.writeHead(200, { 'content-type': 'image/png' }).end(kb ? pngPicture(side, side, colour, true) : pngPicture(320, 200, colour));
}

/** A photo report as news portals lay one out: a picture and its caption, then a paragraph, N times. */
function manyPicturesPage(host: string, n: number, kb: string): string {
  const items = Array.from({ length: n }, (_, i) =>
    `<p style="text-align:center"><img src="${host}/p/photo-${i + 1}.png?c=${i + 1}&amp;kb=${kb}" alt="" width="600"></p>\n<p style="text-align:center">图${i + 1}：春耕时节的田间地头</p>\n<p>　　第${i + 1}组：连日来，各地农民抢抓农时，平整土地、育秧插秧，田间地头一派繁忙景象。</p>`,
  ).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>组图：春耕时节田间忙_图片频道</title></head>
<body><div class="header"><a href="/">首页</a> &gt; <a href="/photo/">图片频道</a></div>
<div class="article"><h1>组图：春耕时节田间忙</h1><div class="info">2026-03-20 08:30　来源：新华网</div>
<div id="content">${items}</div></div></body></html>`;
}
