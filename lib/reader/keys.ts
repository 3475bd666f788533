/** What a key does in the reader. */
export type ReaderAction = 'down' | 'up' | 'larger' | 'smaller' | 'contents' | 'theme' | 'settings' | 'help' | 'library';

/** The reader's keys, as the ? panel lists them (one table: the handler and the help read it). */
export const READER_KEYS: Array<{ keys: string[]; action: ReaderAction }> = [
  { keys: ['j'], action: 'down' },
  { keys: ['k'], action: 'up' },
  { keys: ['+', '='], action: 'larger' },
  { keys: ['-'], action: 'smaller' },
  { keys: ['t'], action: 'contents' },
  { keys: ['d'], action: 'theme' },
  { keys: ['s'], action: 'settings' },
  { keys: ['?'], action: 'help' },
  { keys: ['l'], action: 'library' },
];

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The action of a key press, or null: never while typing in a field, never with Ctrl, Alt or Meta. */
export function readerAction(e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean; target?: EventTarget | null }): ReaderAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (el && (FIELDS.has(el.tagName ?? '') || el.isContentEditable)) return null;
  return READER_KEYS.find((k) => k.keys.includes(e.key))?.action ?? null;
}

/** How far through the article the reader is, 0 to 1, from the page's scroll position. */
export function readingProgress(scrollTop: number, scrollHeight: number, viewHeight: number): number {
  const room = scrollHeight - viewHeight;
  return room <= 0 ? 1 : Math.min(1, Math.max(0, scrollTop / room));
}
