import type { ExportFormat } from '../lib/export/formats';
import { t } from './i18n';

/** The formats the popup, reader and options offer for copy and download, in menu order. */
export const MENU_FORMATS = ['md', 'txt', 'html', 'json'] as const;

/** A format's name as the menus show it: plain text in the reader's language, the others by name. */
export function formatLabel(format: ExportFormat): string {
  return format === 'txt' ? t('formatText') : ({ md: 'Markdown', html: 'HTML', json: 'JSON' } as Record<string, string>)[format] ?? format;
}
