import { cjkCount, live, trimSpace } from '../blocks';
import { isProse } from '../article/lines';
import { readMetaLine } from '../metadata/fields';
import { type Rule, emptyResult, record } from './types';

/** Below this many lines a tail is an ending, not a page's worth of chrome. */
const MIN_TAIL = 4;
const ANCHOR = /<a\b[^>]*>([\s\S]*?)<\/a>/g;

/** Share of a line's text that sits inside links. */
function linkDensity(html: string, text: string): number {
  const total = trimSpace(text).length;
  if (!total || !html.includes('<a')) return 0;
  let linked = 0;
  for (const m of html.matchAll(ANCHOR)) linked += trimSpace(m[1]!.replace(/<[^>]+>/g, '')).length;
  return linked / total;
}

/** Menus, toolbars and teaser lists are links; a channel name alone is a word or two. */
function isChromeLike(html: string | undefined, text: string): boolean {
  const t = trimSpace(text);
  return linkDensity(html ?? '', t) >= 0.5 || (cjkCount(t) <= 4 && !/[。！？]$/.test(t));
}

/**
 * Page chrome after the article’s last paragraph (toolbars, menus, teaser lists).
 *
 * When Readability takes a container wider than the article, the page goes on after the
 * last paragraph: print/share toolbars, channel menus, teaser lists, picture galleries.
 * After the article's last prose paragraph, a tail of at least four lines that are mostly
 * links (or one-word channel names) is that chrome, and its link lines go; metadata lines
 * (责任编辑, 来源) stay for the metadata step, and text that is not links stays.
 */
export const trailingChromeRule: Rule = {
  id: 'trailing-chrome',
  apply(blocks) {
    const result = emptyResult();
    // Table rows count too: portals lay their teaser lists out in tables.
    const lines = live(blocks).filter((b) => b.kind !== 'image');
    let last = -1;
    lines.forEach((b, i) => {
      if (isProse(b.text)) last = i;
    });
    if (last < 0) return result;
    const tail = lines.slice(last + 1).filter((b) => !readMetaLine(b.text));
    const chrome = tail.filter((b) => isChromeLike(b.html, b.text));
    if (tail.length < MIN_TAIL || chrome.length < tail.length * 0.7) return result;
    for (const b of chrome) {
      b.dropped = true;
      record(result, b.text);
    }
    return result;
  },
};
