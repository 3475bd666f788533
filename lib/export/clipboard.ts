import type { CleanArticle } from '../types';
import { type ExportFormat, exportArticle, toPlainText, toStandaloneHtml } from './formats';

/**
 * What "copy" puts on the clipboard, by MIME type. HTML goes as rich text (pasted
 * into Word or WPS it keeps headings, lists and tables) with plain text beside it
 * for editors that take only text; the other formats are text as exported.
 */
export function clipboardPayload(article: CleanArticle, format: ExportFormat): Record<string, string> {
  if (format === 'html') return { 'text/html': toStandaloneHtml(article), 'text/plain': toPlainText(article) };
  return { 'text/plain': exportArticle(article, format) };
}
