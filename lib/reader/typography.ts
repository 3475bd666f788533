/** How the reader sets an article: what a reader chooses in its settings panel, remembered. */
export interface ReaderPrefs {
  theme: 'auto' | 'light' | 'dark';
  /** px */
  fontSize: number;
  /** The column's width, in characters (em). */
  width: number;
  font: ReaderFont;
  lineHeight: number;
  /** Space after a paragraph, in em. */
  spacing: number;
}

export type ReaderFont = 'song' | 'hei' | 'kai' | 'system';

/** 宋体 for long reading, 黑体 for screens, 楷体 as in print essays, or the system's own. */
export const FONT_STACKS: Record<ReaderFont, string> = {
  song: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif',
  hei: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Heiti SC", sans-serif',
  kai: '"Kaiti SC", "STKaiti", "KaiTi", "AR PL UKai CN", "TW-Kai", "Noto Serif CJK SC", serif',
  system: 'system-ui, sans-serif',
};

export const READER_DEFAULTS: ReaderPrefs = { theme: 'auto', fontSize: 19, width: 36, font: 'song', lineHeight: 1.9, spacing: 1 };

/** Each number's range and step, as the panel's sliders offer them. */
export const READER_RANGES = {
  fontSize: { min: 14, max: 28, step: 1 },
  width: { min: 24, max: 60, step: 2 },
  lineHeight: { min: 1.4, max: 2.6, step: 0.1 },
  spacing: { min: 0, max: 2, step: 0.25 },
} as const;

const clamp = (n: unknown, { min, max }: { min: number; max: number }, fallback: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;

/** Stored preferences made whole and in range (an older build stored fewer fields; a hand-edited one anything). */
export function readerPrefsFrom(stored: unknown): ReaderPrefs {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const d = READER_DEFAULTS;
  return {
    theme: s.theme === 'light' || s.theme === 'dark' ? s.theme : 'auto',
    fontSize: clamp(s.fontSize, READER_RANGES.fontSize, d.fontSize),
    width: clamp(s.width, READER_RANGES.width, d.width),
    font: typeof s.font === 'string' && s.font in FONT_STACKS ? (s.font as ReaderFont) : d.font,
    lineHeight: Math.round(10 * clamp(s.lineHeight, READER_RANGES.lineHeight, d.lineHeight)) / 10,
    spacing: clamp(s.spacing, READER_RANGES.spacing, d.spacing),
  };
}

/** The CSS custom properties reader.css sets the article with. */
export function readerStyle(p: ReaderPrefs): Record<string, string> {
  return {
    '--size': `${p.fontSize}px`,
    '--width': `${p.width}em`,
    '--font': FONT_STACKS[p.font],
    '--line-height': String(p.lineHeight),
    '--spacing': `${p.spacing}em`,
  };
}

/** The popup's preview is this much smaller than the reader's page (its default 15 px to the reader's 19). */
const PREVIEW_SMALLER_PX = 4;

/** The reader's choices as the popup's preview takes them: the theme, and every setting but the column's width (the popup's is fixed). */
export function previewTypography(stored: unknown): { theme: ReaderPrefs['theme']; style: Record<string, string> } {
  const prefs = readerPrefsFrom(stored);
  const { '--width': _width, ...style } = readerStyle({ ...prefs, fontSize: prefs.fontSize - PREVIEW_SMALLER_PX });
  return { theme: prefs.theme, style };
}
