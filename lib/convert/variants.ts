/** The scripts a reader can switch an article or a page to. */
export type ScriptVariant = 'original' | 'cn' | 't' | 'tw' | 'twp' | 'hk';
export type TargetVariant = Exclude<ScriptVariant, 'original'>;

/** In the order menus list them; their names are in the locale files (platform/variant-label.ts). */
export const VARIANTS: Array<{ id: ScriptVariant }> = [{ id: 'original' }, { id: 'cn' }, { id: 't' }, { id: 'twp' }, { id: 'hk' }, { id: 'tw' }];

/**
 * What 繁 means for a reader who has not chosen: in a Taiwan browser 臺灣正體 with Taiwan
 * phrases (軟體, 滑鼠), in a Hong Kong or Macau one 香港繁體, elsewhere plain 繁體.
 */
export function traditionalFor(language: string): TargetVariant {
  const tag = language.toLowerCase();
  if (/^zh-(hant-)?tw\b/.test(tag)) return 'twp';
  if (/^zh-(hant-)?(hk|mo)\b/.test(tag)) return 'hk';
  return 't';
}

export function isTraditionalTarget(v: ScriptVariant): boolean {
  return v === 't' || v === 'tw' || v === 'twp' || v === 'hk';
}

export function isVariant(v: unknown): v is ScriptVariant {
  return VARIANTS.some((x) => x.id === v);
}
