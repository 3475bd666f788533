import { describe, expect, it } from 'vitest';
import { detectScript } from '../../lib/convert/script';
import { isRestrictedUrl } from '../../lib/restricted';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../cli/node-dom';
import { detectTemplate, detectTemplateText } from '../../lib/templates';
import { FIXTURES_DIR, loadFixtures } from '../helpers/fixtures';

describe('script detection', () => {
  it('tells Simplified, Traditional and mixed text apart', () => {
    expect(detectScript('这是一个关于经济发展的报道，党员干部们积极参与。')).toBe('simplified');
    expect(detectScript('這是一個關於經濟發展的報導，黨員幹部們積極參與。')).toBe('traditional');
    expect(detectScript('這是一個关于经济發展的报道，黨員干部们积極參與。')).toBe('mixed');
    expect(detectScript('Hello world')).toBe('unknown');
  });
});

describe('restricted pages', () => {
  it.each(['chrome://extensions', 'about:blank', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/firefox/', 'view-source:https://a.b', ''])(
    '%j cannot be scripted',
    (url) => expect(isRestrictedUrl(url)).toBe(true),
  );
  it('ordinary pages can', () => expect(isRestrictedUrl('https://bbs.example.com/thread-1-1-1.html')).toBe(false));
});

describe('template detection from text', () => {
  it('falls back to generic with a reason', () => {
    const d = detectTemplateText('今天天气很好，我们去公园散步。');
    expect(d.match.id).toBe('generic');
    expect(d.match.evidence[0]).toMatch(/no family/);
  });
  it('needs real evidence for a family', () => {
    expect(detectTemplateText('我们讨论了“上一版”和“下一版”的区别。').match.id).toBe('generic');
  });
});

describe('the evidence names the engine version the page states', () => {
  const detect = (name: string) => {
    const fx = loadFixtures().find((f) => f.name === name)!;
    const html = readFileSync(join(FIXTURES_DIR, `${name}.html`), 'utf8');
    return detectTemplate(parseHtml(html, fx.expected.url), fx.expected.url).match.evidence.join(' ');
  };
  it('Discuz! X3.4 thread, Discuz! 5.5 and X3.2 archivers', () => {
    expect(detect('discuz--starter-posts-only')).toMatch(/^Discuz! X3\.4:/);
    expect(detect('discuz-archiver--well-water-survey')).toMatch(/^Discuz! Archiver 5\.5\.0:/);
    expect(detect('discuz-archiver--orchard-frost-notes')).toMatch(/^Discuz! X3\.2 Archiver:/);
  });
  it('a text page states its version in its footer', () => {
    expect(detectTemplateText('发表于 2021-3-1 显示全部楼层\n正文\nPowered by Discuz! X2.5').match.evidence[0]).toMatch(/^Discuz! X2\.5:/);
  });
});
