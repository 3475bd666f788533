import type { AppliedRule } from './site-rules/apply';
import type { SiteRule } from './site-rules/schema';

/** What Jingdu hands to the popup, the library, the exporters and the CLI. */
export type ScriptKind = 'simplified' | 'traditional' | 'mixed' | 'unknown';

export interface TemplateMatch {
  id: string;
  label: string;
  score: number;
  evidence: string[];
  /** The family's markup signature, where it has one (see Template.signature). */
  signature?: string[];
}

/** One line of the removed-items report: which rule removed how much, with a few examples. */
export interface RemovedItem {
  rule: string;
  count: number;
  samples: string[];
}

export interface ImageRef {
  src: string;
  alt: string;
}

export interface ArticleStats {
  views?: number;
  replies?: number;
}

export interface CleanArticle {
  title: string;
  subtitle: string | null;
  byline: string | null;
  author: string | null;
  source: string | null;
  editor: string | null;
  /** ISO 8601; date only where the page gives only a date. */
  published: string | null;
  /** The site's own time zone note, e.g. "GMT-6" from a Discuz! footer. */
  timezoneHint: string | null;
  siteName: string | null;
  url: string | null;
  poster: string | null;
  category: string | null;
  edition: string | null;
  stats: ArticleStats;
  /** Credit lines other than author and editor, as stated ("审核：吴东"); absent in articles saved before it existed. */
  credits?: string[];
  template: TemplateMatch;
  /** Sanitized HTML of the article body. */
  contentHtml: string;
  /** Body in reading order, headings included, captions excluded. */
  paragraphs: string[];
  headings: string[];
  captions: string[];
  images: ImageRef[];
  removed: RemovedItem[];
  script: ScriptKind;
  /** Addresses of the later pages merged into this article, when it was split over pages. */
  mergedPages?: string[];
  /**
   * How sure the reading of each field is: `high` when the page states it (a keyed line, a
   * role byline, the family's markup, meta tags, a user's rule), `low` when it was inferred
   * (a bare name, a date from below the article or the page's scripts); null when absent.
   */
  confidence?: { author: 'high' | 'low' | null; published: 'high' | 'low' | null };
  /** The user's site rules that matched this page, most specific first, with what each did. */
  siteRules?: AppliedRule[];
  /** The next-page link a site rule names, for merging later pages. */
  nextPageSelector?: string;
}

export interface CleanOptions {
  /** Rule ids the user switched off. */
  disabledRules?: string[];
  /** Restore full-width ，：；！？（） between Chinese characters (on by default). */
  fullWidthPunctuation?: boolean;
  /** Discuz!: keep every post by the thread starter, not just the first. */
  allPostsByStarter?: boolean;
  /** Fetch the article's later pages (same site) and append them. */
  mergePages?: boolean;
  /** Forums, on a thread's later pages: keep only this poster's posts (the thread starter's). */
  starter?: string;
  /**
   * A time (performance.now() clock) past which cleaning stops with CleanTimeoutError:
   * in a tab, cleaning runs on the page's own thread and must never hold it for long.
   */
  deadline?: number;
  /** The user's site rules (all of them: each says where it applies). */
  siteRules?: SiteRule[];
  /** Clean a page so large that its tab pauses while it is read (lib/pages/page-size.ts): the reader said so. */
  cleanLargePages?: boolean;
}
