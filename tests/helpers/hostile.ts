/**
 * Hostile pages: injection attempts placed where Jingdu reads — title, metadata
 * lines, body, image alt, links. Ten payloads in five places make fifty pages.
 * Every payload tries to set window.__pwned, so a test can also check that none ran.
 */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><script>window.__pwned=1</script></svg>',
  '<a href="javascript:window.__pwned=1">点我</a>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<style>body{background:url("javascript:window.__pwned=1")}</style>',
  '"><script>window.__pwned=1</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<form action="javascript:window.__pwned=1"><button>提交</button></form>',
  '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
];

const PROSE = '记者从有关部门获悉，今年以来全市加快推进老旧小区改造，已完成改造项目一百二十个，惠及居民三万余户，居民满意度明显提升。';

export type Spot = 'title' | 'meta' | 'body' | 'alt' | 'link';
export const SPOTS: Spot[] = ['title', 'meta', 'body', 'alt', 'link'];

export function hostilePage(payload: string, spot: Spot): string {
  const attr = payload.replace(/"/g, '&quot;');
  const at = (s: Spot, text: string) => (spot === s ? text : '');
  return `<!doctype html><html><head><meta charset="utf-8">
<title>老旧小区改造${at('title', payload)}</title>
<meta name="author" content="${at('meta', attr)}张三">
</head><body>
<h1>老旧小区改造进展顺利${at('title', payload)}</h1>
<div class="info">来源：${at('meta', payload)}城市日报 作者：张三${at('meta', payload)}</div>
<article>
<p>${PROSE}${at('body', payload)}</p>
<p><img src="https://img.example/a.jpg" alt="${at('alt', attr)}改造后的小区"></p>
<p>${PROSE}<a href="${spot === 'link' ? 'javascript:window.__pwned=1' : 'https://news.example/a'}">相关链接</a>${at('link', payload)}</p>
<p>${PROSE}</p>
</article></body></html>`;
}

export function* hostilePages(): Generator<{ name: string; html: string }> {
  for (const [i, payload] of PAYLOADS.entries()) for (const spot of SPOTS) yield { name: `payload ${i} in ${spot}`, html: hostilePage(payload, spot) };
}
