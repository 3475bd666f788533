import { describe, expect, it } from 'vitest';
import { excerptOf, ordered, rowFacts } from '../../lib/storage/order';
import type { SavedArticle } from '../../lib/storage/schema';
import type { CleanArticle } from '../../lib/types';

const row = (title: string, savedAt: string, published: string | null, paragraphs = ['正文第一段，讲的是这件事情的来龙去脉。']) =>
  ({ url: `https://x.example/${title}`, site: '新华网', published, savedAt, updatedAt: savedAt, converted: null, article: { title, paragraphs } as unknown as CleanArticle }) as unknown as SavedArticle;

describe('the library list', () => {
  const rows = [row('北京', '2026-01-02T00:00:00Z', '2025-05-01'), row('安徽', '2026-03-01T00:00:00Z', null), row('重庆', '2026-02-01T00:00:00Z', '2025-09-01')];

  it('sorts by when saved (newest first), when published (undated last) or by title in pinyin order', () => {
    const titles = (rs: SavedArticle[]) => rs.map((r) => r.article.title);
    expect(titles(ordered(rows, 'saved'))).toEqual(['安徽', '重庆', '北京']);
    expect(titles(ordered(rows, 'published'))).toEqual(['重庆', '北京', '安徽']);
    expect(titles(ordered(rows, 'title'))).toEqual(['安徽', '北京', '重庆']);
  });

  it('says site and date without an empty " · · " when the date is missing, and the family only when it tells something', () => {
    expect(rowFacts(rows[1]!, null).join(' · ')).toBe('新华网');
    expect(rowFacts(rows[0]!, 'Discuz! 论坛帖子').join(' · ')).toBe('新华网 · 2025-05-01 · Discuz! 论坛帖子');
  });

  it('opens with the first paragraph that reads as text, cut at about 80 characters', () => {
    const long = '这是一段很长的正文。'.repeat(20);
    expect(excerptOf({ paragraphs: ['[图片: 现场]', '短', long] } as unknown as CleanArticle)).toBe(`${long.slice(0, 80)}…`);
    expect(excerptOf({ paragraphs: [] } as unknown as CleanArticle)).toBe('');
  });
});
