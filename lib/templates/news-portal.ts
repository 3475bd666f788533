import { type Template, pageText, scoreChecks } from './types';

const META_LINE = /(来源|來源)\s*[:：]/;
const EDITOR_LINE = /(责编|責編|责任编辑|責任編輯)\s*[:：]/;

function portalChecks(text: string, shareWidget: boolean) {
  return scoreChecks('News portal', [
    ["'来源:' line", META_LINE.test(text), 0.2],
    ["'责编:' line", EDITOR_LINE.test(text), 0.15],
    ['share widget', shareWidget, 0.1],
    ['view counter', /\d+\s*次(浏览|瀏覽|阅读|閱讀)|(浏览|阅读)(次数|量)?\s*[:：]\s*\d+/.test(text), 0.1],
  ]);
}

/** Plain news portals: source/date/author/editor lines, share widgets, copyright notices. */
export const newsPortal: Template = {
  id: 'news-portal',
  label: 'News portal article',
  detect: (doc) =>
    portalChecks(pageText(doc), !!doc.querySelector('.share, .bdsharebuttonbox, .bshare-custom, [class*="share-"]')),
  detectText: (text) => portalChecks(text, /微信公众号|微信公眾號|官方微博|分享到/.test(text)),
  junk: [
    '.share', '.bdsharebuttonbox', '.bshare-custom', '[class*="share-"]', '.copyright', '.statement', '.disclaimer',
    '#comment', '.comment', '.related', '.breadcrumb', '.crumbs', '.hot-news', '.ad', '[id^="ad_"]',
  ],
  boilerplate: [/^\d{1,3}$/],
};
