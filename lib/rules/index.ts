import { attachmentsRule } from './attachments';
import { boilerplateRule } from './boilerplate';
import { continuationRule } from './continuation';
import { jammerRule } from './jammer';
import { navigationRule } from './navigation';
import { pagerRule } from './pager';
import { pinyinRule } from './pinyin';
import { qrCodeRule } from './qr-code';
import { punctuationRule } from './punctuation';
import { repeatedTitleRule } from './repeated-title';
import { seoLinksRule } from './seo-links';
import { shareWidgetRule } from './share-widget';
import { trailingChromeRule } from './trailing-chrome';
import { trailingLinksRule } from './trailing-links';
import { trailingSectionsRule } from './trailing-sections';
import type { Rule } from './types';

/** Rules that take artifacts out of the inside of lines; they run first, on every line. */
export const INLINE_RULES: Rule[] = [jammerRule, pinyinRule];

/** Rules that drop whole lines of site chrome, wherever on the page they stand. */
export const LINE_RULES: Rule[] = [boilerplateRule, shareWidgetRule, navigationRule, pagerRule, seoLinksRule, attachmentsRule, qrCodeRule];

/** Rules that only make sense inside the article body, in this order. */
export const BODY_RULES: Rule[] = [repeatedTitleRule, continuationRule, trailingSectionsRule, trailingLinksRule, trailingChromeRule];

/** Optional normalization, applied last. */
export const NORMALIZE_RULES: Rule[] = [punctuationRule];

export const ALL_RULES: Rule[] = [...INLINE_RULES, ...LINE_RULES, ...BODY_RULES, ...NORMALIZE_RULES];
