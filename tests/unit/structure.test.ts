import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../lib/article/body';
import { renderBlocks } from '../../lib/article/build';
import { RemovalReport } from '../../lib/article/report';
import { toBlocks } from '../../lib/dom/to-blocks';
import { toMarkdown } from '../../lib/export/formats';
import { cleanText } from '../../lib/text-pipeline';
import { loadGolden } from '../helpers/golden';

const html = (body: string) => renderBlocks(toBlocks(new JSDOM(`<body>${body}</body>`).window.document.body));

describe('lists, quotations and data tables keep their shape', () => {
  it('keeps ordered and unordered lists as lists', () => {
    expect(html('<p>要求如下：</p><ol><li>做好排查</li><li>落实责任</li></ol><ul><li>甲</li></ul>')).toBe(
      '<p>要求如下：</p>\n<ol><li>做好排查</li><li>落实责任</li></ol>\n<ul><li>甲</li></ul>',
    );
  });

  it('keeps a quotation as a quotation', () => {
    expect(html('<blockquote><p>绿水青山就是金山银山。</p></blockquote><p>正文。</p>')).toBe('<blockquote><p>绿水青山就是金山银山。</p></blockquote>\n<p>正文。</p>');
  });

  it('keeps a data table with its header row', () => {
    const out = html('<table><tr><th>乡镇</th><th>人数</th></tr><tr><td>城关镇</td><td>1,203</td></tr><tr><td>河口乡</td><td>876</td></tr></table>');
    expect(out).toBe('<table><thead><tr><th>乡镇</th><th>人数</th></tr></thead><tbody><tr><td>城关镇</td><td>1,203</td></tr><tr><td>河口乡</td><td>876</td></tr></tbody></table>');
  });

  it('reads a layout table (nested, or one column of prose) as paragraphs', () => {
    expect(html('<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr></table>')).not.toContain('<table><thead>');
    expect(html('<table><tr><td>第一段正文。</td></tr><tr><td>第二段正文。</td></tr></table>')).toBe('<p>第一段正文。</p>\n<p>第二段正文。</p>');
  });

  it('exports a table with a header row as a Markdown pipe table', () => {
    const contentHtml = html('<table><thead><tr><th>乡镇</th><th>人数</th></tr></thead><tbody><tr><td>城关镇</td><td>1203</td></tr></tbody></table>');
    const article = cleanText(loadGolden()[0]!.seedText);
    const md = toMarkdown({ ...article, contentHtml });
    expect(md).toContain('| 乡镇 | 人数 |\n| --- | --- |\n| 城关镇 | 1203 |');
  });

  it('keeps a "|" inside a table cell from splitting the Markdown table', () => {
    const contentHtml = html('<table><thead><tr><th>项目</th><th>说明</th></tr></thead><tbody><tr><td>A|B线</td><td>改线</td></tr></tbody></table>');
    const md = toMarkdown({ ...cleanText(loadGolden()[0]!.seedText), contentHtml });
    expect(md).toContain('| A\\|B线 | 改线 |');
  });
});

describe('a centered line under a picture', () => {
  const caption = (body: string) => {
    const blocks = toBlocks(new JSDOM(`<body>${body}</body>`).window.document.body);
    return cleanBody(blocks, { ctx: { title: null, boilerplate: [] }, report: new RemovalReport(), disabled: [], fullWidth: true }).captions;
  };
  const photo = '<p><img src="https://x.example/a.jpg"></p>';
  const prose = '<p>图书室是三年前由村里的老校舍改建的，藏书从最初的八百册增加到现在的六千多册。</p>';

  it('is the picture’s caption, though short and unpunctuated', () => {
    expect(caption(`${photo}<p style="text-align: center"><span style="font-size: 12px">孩子们在图书室里写作业</span></p>${prose}`)).toEqual(['孩子们在图书室里写作业']);
  });
  it('is a section title when set in bold or numbered', () => {
    expect(caption(`${photo}<p style="text-align: center"><strong>晚上开门才有人来</strong></p>${prose}`)).toEqual([]);
    expect(caption(`${photo}<p style="text-align: center">一、晚上开门才有人来</p>${prose}`)).toEqual([]);
  });
});
