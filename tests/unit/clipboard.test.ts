import { describe, expect, it } from 'vitest';
import { clipboardPayload } from '../../lib/export/clipboard';
import { loadFixtures, runFixture } from '../helpers/fixtures';

const article = runFixture(loadFixtures().find((f) => f.name === 'news-portal--flood-season-duty')!);

describe('copy', () => {
  it('puts HTML on the clipboard as rich text with a plain-text twin', () => {
    const payload = clipboardPayload(article, 'html');
    expect(Object.keys(payload).sort()).toEqual(['text/html', 'text/plain']);
    expect(payload['text/html']).toContain('<th>水库名称</th>');
    expect(payload['text/html']).toContain('<ol><li>');
    expect(payload['text/plain']).toContain('红旗水库\t126.50\t125.82');
    expect(payload['text/plain']).not.toContain('<');
  });

  it('puts Markdown, text and JSON on the clipboard as the text they export to', () => {
    expect(clipboardPayload(article, 'md')['text/plain']).toContain('| 水库名称 | 汛限水位（米） | 当前水位（米） |');
    expect(JSON.parse(clipboardPayload(article, 'json')['text/plain']!).title).toBe(article.title);
  });
});
