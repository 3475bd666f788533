import { live, trimSpace } from '../blocks';
import { type Rule, emptyResult, record } from './types';

/**
 * Share widgets flatten into a site name over a label:
 * "鄉村干部報網 / 微信公眾號 / 鄉村干部報網 / 官方微博". The label goes, and so does
 * the short name line right above it.
 */
const LABEL = /^(微信公众号|微信公眾號|官方微博|官方微信|新浪微博|今日头条号|头条号|抖音号|客户端|APP下载|手机版)$/;

/** Share and follow widgets (微信公众号, 官方微博) with the site name above them. */
export const shareWidgetRule: Rule = {
  id: 'share-widget',
  apply(blocks) {
    const result = emptyResult();
    const lines = live(blocks).filter((b) => b.kind !== 'image');
    lines.forEach((b, i) => {
      if (!LABEL.test(trimSpace(b.text))) return;
      const above = lines[i - 1];
      if (above && !above.dropped && above.text.length <= 12 && !/[。，,！!？?]/.test(above.text)) {
        above.dropped = true;
        record(result, above.text);
      }
      b.dropped = true;
      record(result, b.text);
    });
    return result;
  },
};
