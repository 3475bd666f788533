import { countPinyinAnnotations } from '../rules/pinyin';
import { type Template, pageText, scoreChecks } from './types';

/** Content-farm mirrors: text re-hosted through a bad converter that leaves 字(pīnyīn) behind. */
function pinyinChecks(text: string) {
  const n = countPinyinAnnotations(text);
  return scoreChecks('Pinyin mirror', [
    [`${n} pinyin annotations like 復(fù)`, n >= 3, 0.5 + Math.min(0.4, n / 100)],
    ['SEO place-name list', /(?:[\u4e00-\u9fff]{1,6}(?:县|市|区|旗)\|\s*){5}/.test(text), 0.2],
  ]);
}

export const pinyinMirror: Template = {
  id: 'pinyin-mirror',
  label: 'Mirror with converter pinyin',
  detect: (doc) => pinyinChecks(pageText(doc)),
  detectText: pinyinChecks,
  junk: ['.share', '.bdsharebuttonbox', '.seo-links', '.tags'],
  boilerplate: [/^\d{1,3}$/],
};
