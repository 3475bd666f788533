import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../lib/article/preview';

const doc = new JSDOM('').window.document;
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>第${i + 1}段正文</p>`).join('\n');

describe('popup preview', () => {
  it('shows a normal article whole', () => {
    const html = `<h2>一、小标题</h2>\n${paragraphs(30)}`;
    expect(previewHtml(html, doc)).toEqual({ html, shown: 31, total: 31 });
  });

  it('keeps only the opening blocks of a very long article and says how many there are', () => {
    const preview = previewHtml(paragraphs(1000), doc, 400);
    expect(preview).toMatchObject({ shown: 400, total: 1000 });
    expect(preview.html).toContain('第400段正文');
    expect(preview.html).not.toContain('第401段正文');
  });

});
