import type { TemplateMatch } from '../types';
import { blog } from './blog';
import { discuz } from './discuz';
import { discuzArchiver } from './discuz-archiver';
import { epaper } from './epaper';
import { generic } from './generic';
import { newsPortal } from './news-portal';
import { phpwind } from './phpwind';
import { pinyinMirror } from './pinyin-mirror';
import { wechat } from './wechat';
import type { Detection, Template } from './types';

/** Every page family Jingdu knows, most specific first. `generic` always matches. */
export const TEMPLATES: Template[] = [discuz, discuzArchiver, phpwind, epaper, wechat, pinyinMirror, blog, newsPortal, generic];

/** Below this score a family's evidence is too thin to act on. */
const MIN_SCORE = 0.35;

function pick(detections: Array<[Template, Detection]>): { template: Template; match: TemplateMatch } {
  let best = detections.find(([t]) => t === generic)!;
  for (const [t, d] of detections) if (d.score >= MIN_SCORE && d.score > best[1].score) best = [t, d];
  const [template, d] = best;
  const match: TemplateMatch = { id: template.id, label: template.label, score: Number(d.score.toFixed(2)), evidence: d.evidence };
  if (template.signature) match.signature = template.signature;
  return { template, match };
}

export function detectTemplate(doc: Document, url: string) {
  return pick(TEMPLATES.map((t) => [t, t.detect(doc, url)]));
}

export function detectTemplateText(text: string) {
  return pick(TEMPLATES.map((t) => [t, t.detectText(text)]));
}

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
