import type { Template } from './types';

/** Any page: plain Readability, plus the rules every page gets. */
export const generic: Template = {
  id: 'generic',
  label: 'Generic article',
  detect: () => ({ score: 0.1, evidence: ['no family matched: Readability only'] }),
  detectText: () => ({ score: 0.1, evidence: ['no family matched: line-based extraction only'] }),
  // MediaWiki's own chrome, the same on every wiki it runs: maintenance banners, edit links, navigation boxes, categories.
  junk: ['.ambox', '.mw-editsection', '.navbox', '#catlinks', '.mw-jump-link'],
};
