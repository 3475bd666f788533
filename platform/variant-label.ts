import type { ScriptVariant } from '../lib/convert/variants';
import { t } from './i18n';

const KEYS = { original: 'variantOriginal', cn: 'variantCn', t: 'variantT', twp: 'variantTwp', hk: 'variantHk', tw: 'variantTw' } as const;

/** A script's name in the reader's language (原文, 簡體, Traditional (Hong Kong)…). */
export function variantLabel(variant: ScriptVariant): string {
  return t(KEYS[variant]);
}
