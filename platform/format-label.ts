import type { ExportFormat } from '../lib/export/formats';
import { t } from './i18n';

/** The formats the popup, reader and options offer for copy and download, in menu order. */
export const MENU_FORMATS = ['md', 'txt', 'html', 'json'] as const;

/** A format's name as the menus show it: plain text in the reader's language, the others by name. */
export function formatLabel(format: ExportFormat): string {
  return format === 'txt' ? t('formatText') : ({ md: 'Markdown', html: 'HTML', json: 'JSON' } as Record<string, string>)[format] ?? format;
}

/** A size as people read it: "820 KB", "12.4 MB". */
export function byteSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
