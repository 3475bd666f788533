/** The export formats, apart from the exporters, so the CLI can check its options without loading them. */
export type ExportFormat = 'md' | 'txt' | 'html' | 'json';

export const FORMAT_INFO: Record<ExportFormat, { extension: string; mime: string }> = {
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  txt: { extension: 'txt', mime: 'text/plain;charset=utf-8' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
  json: { extension: 'json', mime: 'application/json;charset=utf-8' },
};
