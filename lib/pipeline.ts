import { Readability } from '@mozilla/readability';
import { type Block, cjkCount, oneLine, squash } from './blocks';
import { METADATA_LINES, cleanBody } from './article/body';
import { type Sanitizer, buildArticle } from './article/build';
import { readHeader } from './article/header';
import { RemovalReport, runRules } from './article/report';
import { hasArticleText, isProse } from './article/lines';
import { HUGE_PAGE_ELEMENTS, hugePageContent } from './dom/dominant-container';
import { boundTitleInputs } from './dom/title-inputs';
import { unwrapBlockLinks } from './dom/block-links';
import { widenCutContent } from './dom/cut-content';
import { elementText, queryAll } from './dom/query';
import { flattenDeepNesting, maxDepth } from './dom/flatten';
import { toBlocks } from './dom/to-blocks';
import { joinNames, mergeMeta, readMetaLine, type MetaFields } from './metadata/fields';
import { parseChineseDate } from './metadata/dates';
import { chooseHeadline } from './metadata/headline';
import { enpProperty } from './metadata/enp-property';
import { bylineInProse, looksLikeBareNames, readBylineLine, readLoneNames } from './metadata/byline';
import { isSiteName, siteNamesOf } from './metadata/site-name';
import { INLINE_RULES } from './rules';
import { stripJammer } from './rules/jammer';
import { stripPinyin } from './rules/pinyin';
import { appliedRules, holdsKept, keptElements, readRuleFields, removeByRules, ruleContent, useRulePictureSources } from './site-rules/apply';
import { ruleAddress } from './site-rules/address';
import { matchingRules } from './site-rules/match';
import { ruleSwitch } from './site-rules/names';
import { detectTemplate } from './templates';
import type { DomMeta, Template } from './templates/types';
import { NoArticleError } from './text-pipeline';
import type { CleanArticle, CleanOptions } from './types';

export { NoArticleError };

export class PageTooLargeError extends Error {
  constructor(elements: number) {
    super(`This page is too large to clean (${elements.toLocaleString('en')} elements) and has no main run of paragraphs.`);
    this.name = 'PageTooLargeError';
  }
}

export class CleanTimeoutError extends Error {
  constructor() {
    super('Cleaning this page took too long and was stopped, so the page stays responsive. The page may be too large or built to slow readers down.');
    this.name = 'CleanTimeoutError';
  }
}

/** Stops between steps once the caller's time is up (each step itself is linear). */
function checkDeadline(opts: CleanOptions): void {
  if (opts.deadline !== undefined && performance.now() > opts.deadline) throw new CleanTimeoutError();
}

export interface PipelineOptions extends CleanOptions {
  /** DOMPurify bound to a real window (browser or jsdom); see lib/sanitize.ts. */
  sanitize: Sanitizer;
  /**
   * The caller parsed this document for this cleaning alone and drops it afterwards (the CLI):
   * it is cleaned in place instead of on a copy, unless a second reading may need it unchanged.
   */
  ownsDocument?: boolean;
}

/** Hidden anti-copy elements every forum engine uses, whatever the template. */
const HIDDEN_JAMMERS = ['font.jammer', 'span.jammer', 'span[style*="display:none"]', 'span[style*="display: none"]', 'font[style*="display:none"]'];
/** Nesting deeper than this gets its empty wrappers collapsed before extraction. */
const DEEP_PAGE = 100;
const NEVER_CONTENT = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed'];

/** Removes the template's junk selectors, reporting what went; what a site rule keeps stays. */
function preClean(doc: Document, template: Template, report: RemovalReport, kept: Set<Element>): void {
  const remove = (selectors: string[], rule: 'hidden-text' | 'template-junk') => {
    for (const sel of selectors) {
      for (const el of queryAll(doc, sel)) {
        if (!el.isConnected || holdsKept(el, kept)) continue;
        const text = elementText(el);
        el.remove();
        if (text) report.addSample(rule, text);
      }
    }
  };
  for (const el of [...doc.querySelectorAll(NEVER_CONTENT.join(','))]) el.remove(); // code, not text: not reported
  // Reported apart from the jammer rule: readers never saw this text, so it is not theirs to switch back on.
  remove(HIDDEN_JAMMERS, 'hidden-text');
  remove(template.junk ?? [], 'template-junk');
}

/** Where pages state their publication date: Open Graph, portals, scholarly (Highwire), Dublin Core, PRISM, schema.org. */
const DATE_METAS = [
  'article:published_time', 'publishdate', 'pubdate', 'citation_publication_date', 'citation_date',
  'dcterms.issued', 'dc.date.issued', 'dc.date', 'prism.publicationdate', 'datepublished',
];
/** Where they name the writers: scholarly pages repeat citation_author once per writer. */
const AUTHOR_METAS = ['author', 'citation_author', 'citation_authors', 'dc.creator', 'dcterms.creator'];

/** The page's meta tags by lower-cased name or property; repeated ones keep every value. */
function metaValues(doc: Document): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const el of (doc.head ?? doc).querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop'))?.trim().toLowerCase();
    const value = el.getAttribute('content')?.trim();
    if (key && value) out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

/** "赵  培", "Li, Ming; 王明": names as meta tags list them, if they name people. */
function statedAuthors(values: string[]): string | undefined {
  const names = values.flatMap((v) => v.split(/[;；]/)).map((n) => joinNames(n.trim())).filter(Boolean);
  const joined = names.join('、');
  // Forum engines put their own credits in name=author.
  if (!names.length || /admin|管理员|Discuz|Comsenz|phpwind/i.test(joined)) return undefined;
  return names.every((n) => looksLikeBareNames(n)) ? joined : undefined;
}

/** Meta tags pages commonly carry (Open Graph, article:*, scholarly and Dublin Core). */
function metaTags(doc: Document): DomMeta {
  const values = metaValues(doc);
  const first = (keys: string[]) => keys.map((k) => values.get(k)?.[0]).find(Boolean);
  const out: DomMeta = {};
  const published = first(DATE_METAS);
  if (published) out.published = /^\d{4}-\d{2}-\d{2}T/.test(published) ? published : (parseChineseDate(published) ?? published);
  out.siteName = first(['og:site_name']);
  out.ogTitle = first(['og:title']);
  out.author = AUTHOR_METAS.map((k) => statedAuthors(values.get(k) ?? [])).find(Boolean);
  out.source = first(['source']);
  // The CMS's own record of the article, where the page carries one.
  const record = enpProperty(doc);
  if (record.title) out.title = record.title;
  if (!out.published && record.date) out.published = parseChineseDate(record.date) ?? undefined;
  const credit = record.author ? readMetaLine(record.author) : null;
  if (!out.author && credit?.author) Object.assign(out, { author: credit.author, byline: credit.byline ?? record.author });
  return out;
}

interface Extracted {
  root: Element;
  title?: string;
  byline?: string;
  siteName?: string;
  published?: string;
}

/**
 * The family's own content elements, chosen before pre-cleaning removes the
 * author boxes that tell whose post is whose.
 */
function findContent(doc: Document, template: Template, opts: CleanOptions): Element[] {
  const own = template.contentOf?.(doc) ?? [];
  if (own.length) return own;
  if (!template.content) return [];
  const found = [...new Set([...doc.querySelectorAll(template.content)].map(widenCutContent))];
  if (opts.starter && template.postAuthor) return found.filter((p) => template.postAuthor!(p) === opts.starter);
  if (found.length <= 1 || !opts.allPostsByStarter || !template.postAuthor) return found.slice(0, 1);
  const starter = template.postAuthor(found[0]!);
  return found.filter((p, i) => i === 0 || (starter !== undefined && template.postAuthor!(p) === starter));
}

/** The article body: the family's content elements, else Readability on a copy. */
function extract(doc: Document, contentEls: Element[]): Extracted | null {
  if (contentEls.length) {
    const root = doc.createElement('div');
    for (const el of contentEls) {
      const copy = el.cloneNode(true) as Element;
      // The family's content is the article even where the page hides it until its scripts run (WeChat).
      copy.removeAttribute('style');
      copy.removeAttribute('hidden');
      root.appendChild(copy);
    }
    return { root };
  }
  const elements = doc.getElementsByTagName('*').length;
  if (elements > HUGE_PAGE_ELEMENTS) {
    const root = hugePageContent(doc);
    if (!root) throw new PageTooLargeError(elements);
    return { root };
  }
  // Readability hands back its element (no HTML string round trip); the copy is inert.
  const copy = doc.cloneNode(true) as Document;
  unwrapBlockLinks(copy);
  boundTitleInputs(copy);
  const parsed = new Readability<Element>(copy, { charThreshold: 200, serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  return {
    root: parsed.content,
    title: parsed.title ?? undefined,
    byline: parsed.byline ?? undefined,
    siteName: parsed.siteName ?? undefined,
    published: parsed.publishedTime ?? undefined,
  };
}

/** Splits the page's lines into those above and below the article, to read metadata there. */
function surroundings(page: Block[], body: Block[]): { header: Block[]; footer: Block[] } {
  const texts = page.map((b) => squash(b.text));
  const first = body.find((b) => b.kind !== 'image' && b.text.length >= 4);
  const last = [...body].reverse().find((b) => b.kind !== 'image' && b.text.length >= 4);
  const start = first ? texts.indexOf(squash(first.text)) : -1;
  const end = last ? texts.lastIndexOf(squash(last.text)) : -1;
  if (start < 0) return { header: page.slice(0, 40), footer: [] };
  return { header: page.slice(Math.max(0, start - 60), start), footer: end >= start ? page.slice(end + 1) : [] };
}

/** A complete sentence of some length: news paragraphs can be this short, and they are body. */
function isShortParagraph(text: string): boolean {
  return /[。！？!?…]$/.test(text.trim()) && cjkCount(text) >= 12;
}

/**
 * Forum posts and mirrors often open with the headline again, a kicker line and a
 * byline before the prose starts. When the lines above the first paragraph echo the
 * title, read them as a header.
 */
function readContentLead(blocks: Block[], title: string | null, template: Template, report: RemovalReport, disabled: string[]) {
  const first = blocks.findIndex((b) => !b.dropped && b.kind !== 'image' && (isProse(b.text) || isShortParagraph(b.text)));
  if (first <= 0) return null;
  const lead = blocks.slice(0, first).filter((b) => !b.dropped && b.kind !== 'image');
  const echoesTitle = title !== null && lead.some((b) => squash(b.text) === squash(title));
  if (echoesTitle) return readHeader(lead, { template, report, disabled, markerIndex: -1, positional: true, knownTitle: title });
  // The article opening with its writer's name alone on a line ("胡平", then the prose).
  const byline = lead[0] && !disabled.includes(METADATA_LINES) ? readLoneNames(lead[0].text) : null;
  if (!byline) return null; // metadata lines alone are taken by the body step, nothing else is lost
  lead[0]!.dropped = true;
  report.addSample(METADATA_LINES, lead[0]!.text);
  return { title: null, subtitle: null, captions: [], meta: { ...byline }, poster: null };
}

/** A byline that names its writers' role or key (记者, 作者：, 文／, 報導) is stated, not guessed. */
const ROLE_WORD = /记者|記者|作者|撰文|通讯员|通訊員|特约|特約|文\s*[/／:：]|[/／]\s*文|报道|報導|电|電|by\s/i;

const squashName = (s: string) => s.replace(/[\s\u3000（）()【】[\]]/g, '');

/** How far below the article a date line may stand and still be the article's. */
const FOOTER_DATE_LINES = 6;
/** A line that states a date as the article's: behind a publish key, or a date and time alone. */
const DATE_KEY = /发表|發表|发布|發佈|时间|時間|日期|更新|posted|published|updated/i;
function statedDate(text: string): string | undefined {
  const published = text.length <= 80 ? readMetaLine(text)?.published : undefined;
  if (!published) return undefined;
  return DATE_KEY.test(text) || /^[\d\s\-/:.年月日时時分秒]+$/.test(text.trim()) ? published : undefined;
}

/** Titles get the same inline cleanup as the body: pinyin and jammers out. */
function cleanTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  // A title is one line: og:title and <title> can carry newlines and control characters.
  return stripJammer(stripPinyin(oneLine(title.slice(0, 1000))).text).text.trim() || null;
}

/**
 * The DOM path: a page (live, DOMParser, jsdom or linkedom) in, a CleanArticle out. When the
 * family's own content element yields no article (a family seen on a page it does not fit),
 * the page is read again without it, as Readability finds the article: a page whose article
 * plain Readability finds never ends in "no article" because a family claimed it.
 */
export function cleanDocument(source: Document, url: string, opts: PipelineOptions): CleanArticle {
  const steps = cleanSteps(source, url, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same cleaning, giving the page its thread back between stages (`pause`), as the tab's
 * cleaner runs it: the page is read once, at the start, into a copy; the stages work on the copy.
 */
export async function cleanDocumentInStages(source: Document, url: string, opts: PipelineOptions, pause: () => Promise<void>): Promise<CleanArticle> {
  const steps = cleanSteps(source, url, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* cleanSteps(source: Document, url: string, opts: PipelineOptions): Generator<void, CleanArticle> {
  const used = { familyContent: false };
  try {
    return yield* cleanOnce(source, url, opts, true, used);
  } catch (err) {
    if (!(err instanceof NoArticleError) || !used.familyContent || opts.starter) throw err;
    return yield* cleanOnce(source, url, opts, false, used);
  }
}

/** A family's or a rule's own content that yields no article sends the page to a second reading, which needs it unchanged. */
function mayReadAgain(template: Template, opts: CleanOptions): boolean {
  return !!(template.content || template.contentOf || opts.siteRules?.length);
}

/** Between two stages: a run in stages lets the page have its thread, then the deadline is checked. */
function* betweenStages(opts: CleanOptions): Generator<void> {
  yield;
  checkDeadline(opts);
}

function* cleanOnce(source: Document, url: string, opts: PipelineOptions, familyContent: boolean, used: { familyContent: boolean }): Generator<void, CleanArticle> {
  const disabled = opts.disabledRules ?? [];
  const fullWidth = opts.fullWidthPunctuation ?? true;
  const report = new RemovalReport();
  const deep = !!source.body && maxDepth(source.body) > DEEP_PAGE;
  // A document of our own is first read (detection changes nothing) to know whether it may be cleaned in place.
  const detected = opts.ownsDocument && !deep ? detectTemplate(source, url) : null;
  const inPlace = !!detected && !(familyContent && mayReadAgain(detected.template, opts));
  const doc = inPlace ? source : (source.cloneNode(true) as Document); // never touch the page itself
  if (deep) flattenDeepNesting(doc.body!);
  yield* betweenStages(opts);

  const { template, match } = detected ?? detectTemplate(doc, url);
  // The user's rules outrank the family: their fields, removals and content come first.
  const rules = opts.siteRules?.length ? matchingRules(opts.siteRules, doc, ruleAddress(doc, url)).filter((m) => !disabled.includes(ruleSwitch(m.rule))) : [];
  useRulePictureSources(doc, rules);
  const ruleFields = readRuleFields(doc, rules);
  const kept = keptElements(doc, rules);
  const ruleRemoved = removeByRules(doc, rules, kept, report);
  const familyMeta = template.meta?.(doc) ?? {};
  const tagMeta = metaTags(doc);
  const chosen = ruleContent(doc, rules);
  const familyEls = chosen || !familyContent ? [] : findContent(doc, template, opts);
  used.familyContent = familyEls.length > 0;
  const contentEls = chosen?.elements ?? familyEls;
  preClean(doc, template, report, kept);

  // A later page of a thread without the starter's posts has nothing of the article.
  if (opts.starter && template.postAuthor && !contentEls.length) throw new NoArticleError();
  yield* betweenStages(opts);
  const extracted = extract(doc, contentEls);
  if (!extracted) throw new NoArticleError();
  yield* betweenStages(opts);
  const blocks = toBlocks(extracted.root, { baseUrl: url });
  runRules(INLINE_RULES, blocks, { title: null, boilerplate: [] }, report, disabled);

  yield* betweenStages(opts);
  const pageBlocks = doc.body ? toBlocks(doc.body, { baseUrl: url }) : [];
  runRules(INLINE_RULES, pageBlocks, { title: null, boilerplate: [] }, new RemovalReport(), disabled);
  const around = surroundings(pageBlocks.filter((b) => !b.dropped && b.kind !== 'image'), blocks.filter((b) => !b.dropped));
  const headline = chooseHeadline(doc, {
    pageTitle: doc.title ?? '',
    statedTitles: [tagMeta.ogTitle, tagMeta.title].filter((t): t is string => !!t),
    siteNames: [tagMeta.siteName, extracted.siteName].filter((s): s is string => !!s),
  });
  // The headline known, the lines under it are read from it: a name alone right below it is the byline.
  const header = readHeader(around.header, { template, report: new RemovalReport(), disabled, markerIndex: -1, positional: false, knownTitle: ruleFields.title?.value ?? familyMeta.title ?? headline });
  const title = cleanTitle(ruleFields.title?.value ?? familyMeta.title ?? headline ?? header.title ?? extracted.title);
  yield* betweenStages(opts);
  const lead = readContentLead(blocks, title, template, report, disabled);
  const body = cleanBody(blocks, { ctx: { title, boilerplate: template.boilerplate ?? [] }, report, disabled, fullWidth });
  // The block a user's rule names is the article, however short; found automatically, it must read as one.
  const articleText = chosen ? body.paragraphs.some((p) => p.trim()) : hasArticleText(body.paragraphs);
  if (!articleText) throw new NoArticleError();

  const footerMeta: MetaFields = {};
  for (const b of around.footer) {
    const m = readMetaLine(b.text);
    if (m) mergeMeta(footerMeta, m);
  }
  // Footers carry copyright years and related articles' dates: only a date stated as the
  // article's, just below it, is taken, and only when nothing else gives one.
  delete footerMeta.published;
  const dateBelow = around.footer.slice(0, FOOTER_DATE_LINES).map((b) => statedDate(b.text)).find(Boolean);

  const meta: MetaFields = {};
  // A forum family names the poster; a byline opening the post names the article's writers.
  const stated = template.forum ? [lead?.meta, familyMeta] : [familyMeta, lead?.meta];
  for (const m of stated) if (m) mergeMeta(meta, m);
  mergeMeta(meta, body.meta);
  mergeMeta(meta, header.meta);
  mergeMeta(meta, footerMeta);
  mergeMeta(meta, tagMeta);
  // What was stated with its key near the headline, by the family or in the page's tags is sure; what was inferred is not.
  const dateStated = meta.published !== undefined || !!ruleFields.date;
  if (!meta.published && extracted.published) meta.published = parseChineseDate(extracted.published) ?? extracted.published;
  if (!meta.published && dateBelow) meta.published = dateBelow;
  if (!meta.author) {
    const stated = extracted.byline ? (readBylineLine(extracted.byline) ?? (looksLikeBareNames(extracted.byline) ? { author: extracted.byline, byline: extracted.byline } : null)) : null;
    const found = stated ?? bylineInProse(body.paragraphs[0], body.paragraphs.at(-1));
    if (found) Object.assign(meta, { byline: meta.byline ?? found.byline ?? found.author, author: found.author });
  }
  // The site's own name is no writer ("CNA" in the author tag of a page titled "… - CNA").
  if (meta.author && isSiteName(meta.author, siteNamesOf({ pageTitle: doc.title ?? '', headline: title, stated: [tagMeta.siteName, extracted.siteName].filter((s): s is string => !!s), url }))) {
    if (meta.byline && squashName(meta.byline) === squashName(meta.author)) delete meta.byline;
    delete meta.author;
  }
  // A bare name (under the headline, in brackets, closing the text) is a guess; a keyed or role byline is stated.
  const bareName = !!meta.author && (meta.byline === undefined ? false : !ROLE_WORD.test(meta.byline) && squashName(meta.byline) === squashName(meta.author));
  const authorStated = !!ruleFields.author || !!familyMeta.author || !!tagMeta.author || (!!meta.author && !bareName && !extracted.byline?.includes(meta.author));
  if (ruleFields.author) Object.assign(meta, { author: ruleFields.author.value, byline: ruleFields.author.value });
  if (ruleFields.date) meta.published = ruleFields.date.value;
  if (ruleFields.source) meta.source = ruleFields.source.value;
  if (ruleFields.editor) meta.editor = ruleFields.editor.value;
  // With no writer named, the editor's line is the article's credit.
  if (!meta.author && !meta.byline && meta.editor) meta.byline = `编辑：${meta.editor}`;

  yield* betweenStages(opts);
  const article = buildArticle(
    {
      title: title?.trim() || null,
      subtitle: familyMeta.subtitle ?? lead?.subtitle ?? header.subtitle,
      poster: familyMeta.poster ?? header.poster,
      siteName: familyMeta.siteName ?? tagMeta.siteName ?? extracted.siteName ?? null,
      url: url || null,
      meta,
      headerCaptions: [...header.captions, ...(lead?.captions ?? [])],
      body,
      template: match,
      report,
      fullWidth,
    },
    opts.sanitize,
  );
  article.confidence = {
    author: article.author ? (authorStated ? 'high' : 'low') : null,
    published: article.published ? (dateStated ? 'high' : 'low') : null,
  };
  if (rules.length) article.siteRules = appliedRules(rules, chosen?.rule ?? null, ruleFields, ruleRemoved);
  const nextPage = rules.map((m) => m.rule.nextPage).find(Boolean);
  if (nextPage) article.nextPageSelector = nextPage;
  return article;
}
