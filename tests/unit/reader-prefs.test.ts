import { describe, expect, it } from 'vitest';
import { readerAction, readingProgress } from '../../lib/reader/keys';
import { MOST_POSITIONS, withPosition } from '../../lib/reader/positions';
import { FONT_STACKS, READER_DEFAULTS, previewTypography, readerPrefsFrom, readerStyle } from '../../lib/reader/typography';

describe('reader preferences', () => {
  it('fills what an older build did not store, and keeps every number in its range', () => {
    expect(readerPrefsFrom({ theme: 'dark', fontSize: 21 })).toEqual({ ...READER_DEFAULTS, theme: 'dark', fontSize: 21 });
    expect(readerPrefsFrom({ fontSize: 400, width: -3, lineHeight: 'tall', font: 'comic', theme: 'neon', spacing: Number.NaN })).toEqual({ ...READER_DEFAULTS, fontSize: 28, width: 24 });
    expect(readerPrefsFrom(null)).toEqual(READER_DEFAULTS);
  });

  it('sets the article through CSS properties: font stack, column width, line height, spacing', () => {
    expect(readerStyle({ ...READER_DEFAULTS, font: 'kai', width: 30, lineHeight: 2.2, spacing: 1.5 })).toMatchObject({ '--width': '30em', '--line-height': '2.2', '--spacing': '1.5em', '--font': expect.stringMatching(/^"Kaiti SC"/) });
  });
});

describe('reader keys', () => {
  it('maps keys to actions, never while typing in a field or with a modifier', () => {
    expect(readerAction({ key: 'j' })).toBe('down');
    expect(readerAction({ key: '=' })).toBe('larger');
    expect(readerAction({ key: '?' })).toBe('help');
    expect(readerAction({ key: 'j', target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeNull();
    expect(readerAction({ key: 'j', target: { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget })).toBeNull();
    expect(readerAction({ key: 't', ctrlKey: true })).toBeNull();
    expect(readerAction({ key: 'x' })).toBeNull();
  });

  it('tells how far through the page the reader is', () => {
    expect(readingProgress(0, 2000, 500)).toBe(0);
    expect(readingProgress(750, 2000, 500)).toBe(0.5);
    expect(readingProgress(100, 400, 500)).toBe(1);
  });
});

describe('reading positions', () => {
  it('keeps a place in the middle, forgets one at the very start or end, and the oldest past the limit', () => {
    let all = withPosition({}, 'a', 0.4, '2026-01-01');
    expect(all).toEqual({ a: { at: 0.4, when: '2026-01-01' } });
    expect(withPosition(all, 'a', 0.99, '2026-01-02')).toEqual({});
    expect(withPosition(all, 'a', 0, '2026-01-02')).toEqual({});
    for (let i = 0; i < MOST_POSITIONS + 5; i++) all = withPosition(all, `u${i}`, 0.5, `2026-02-${String(i).padStart(4, '0')}`);
    expect(Object.keys(all)).toHaveLength(MOST_POSITIONS);
    expect(all.a).toBeUndefined();
    expect(all[`u${MOST_POSITIONS + 4}`]).toBeDefined();
  });
});

describe('the popup preview set as the reader is', () => {
  it('takes the font, line height, spacing and theme, a size smaller, and never the column width', () => {
    const { theme, style } = previewTypography({ theme: 'dark', font: 'kai', fontSize: 22, lineHeight: 2.2, spacing: 1.5, width: 50 });
    expect(theme).toBe('dark');
    expect(style).toEqual({ '--size': '18px', '--font': FONT_STACKS.kai, '--line-height': '2.2', '--spacing': '1.5em' });
    expect(previewTypography(undefined).style['--size']).toBe('15px');
  });
});
