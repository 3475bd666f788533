import { PageView } from '../lib/convert/page-view';

/**
 * One PageView per tab, kept in the extension's isolated world of that page so the
 * Simplified and Traditional scripts, injected separately, share the originals.
 */
declare global {
  // eslint-disable-next-line no-var
  var __jingduPageView: PageView | undefined;
}

export function sharedPageView(): PageView {
  globalThis.__jingduPageView ??= new PageView(document, (fn) => requestAnimationFrame(() => fn()));
  return globalThis.__jingduPageView;
}
