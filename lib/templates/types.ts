import type { MetaFields } from '../metadata/fields';

export interface Detection {
  score: number;
  evidence: string[];
}

/** What a family can read straight from its own markup (DOM path). */
export interface DomMeta extends MetaFields {
  title?: string;
  subtitle?: string;
  poster?: string;
  siteName?: string;
  /** og:title: what the page tells sharers its headline is. */
  ogTitle?: string;
}

/**
 * A page family. Plain data plus a few small functions, so the registry reads like a table.
 * DOM path: detect → remove `junk` → take `content` (or Readability) → `meta`.
 * Text path: detectText → header until `bodyStart` → body until `bodyEnd`.
 */
export interface Template {
  id: string;
  label: string;
  detect(doc: Document, url: string): Detection;
  detectText(text: string): Detection;
  /**
   * Markup every page of this engine carries (each selector matches): what a user's rule
   * for "every forum of this kind" matches on.
   */
  signature?: string[];
  /** A forum family: pages show posters ("dqqjk离线") and posts. */
  forum?: boolean;
  /** Selectors of page parts that are never article (removed before extraction). */
  junk?: string[];
  /** Selector of the article body; when absent or unmatched, Readability finds it. */
  content?: string;
  /** The article body where markup leaves it unwrapped (bare text between markers). */
  contentOf?(doc: Document): Element[];
  /** Line patterns this family adds to the boilerplate rule. */
  boilerplate?: RegExp[];
  /** Text path: the body starts after the last line matching this. */
  bodyStart?: RegExp;
  /** Text path: the body ends at the first line matching one of these. */
  bodyEnd?: RegExp[];
  /** Text path: where this family prints the headline. */
  titleFromLines?(lines: string[]): string | null;
  /** DOM path: who wrote this post (forums), to keep every post by the thread starter. */
  postAuthor?(post: Element): string | undefined;
  /** DOM path: metadata the family's markup states. */
  meta?(doc: Document): DomMeta;
}

/** Adds up weighted checks into a score (capped at 1) and the evidence of those that held. */
export function scoreChecks(prefix: string, checks: Array<[string, boolean, number]>): Detection {
  const held = checks.filter(([, ok]) => ok);
  const score = Math.min(1, held.reduce((sum, [, , w]) => sum + w, 0));
  return { score, evidence: held.length ? [`${prefix}: ${held.map(([label]) => label).join(', ')}`] : [] };
}

export function textOf(doc: Document, selector: string): string | undefined {
  const t = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

const texts = new WeakMap<Document, string>();

/** The page's text, read once per document however many families ask. */
export function pageText(doc: Document): string {
  let text = texts.get(doc);
  if (text === undefined) {
    text = doc.body?.textContent ?? '';
    texts.set(doc, text);
  }
  return text;
}
