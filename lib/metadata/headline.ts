/**
 * The headline of a page, chosen by agreement between what the page says its title is
 * (<title>, og:title) and the lines it shows (h1, h2, bold or large lines).
 *
 * Chinese sites append or prepend their site and channel names to <title>
 * ("标题_产业资讯_新浪网", "新華網 - 标题", "标题｜生活萬象｜中時電子報"). The line on the
 * page that shares the longest run of characters with <title> is the headline; when no
 * line agrees, <title> is cut at those separators and the headline part kept.
 */
import { squash } from '../blocks';
import { elementText } from '../dom/query';

/** Site/channel separators, in either order around the headline. */
const SEPARATOR = /\s*(?:__?|\s-{1,2}\s|-{2}|(?<=[^\s\d])-(?=[^\s\d])|[|｜]|\s[—–]\s|—{1,2}|::|》|\s·\s)\s*/;
/** Elements whose text can be the headline line; links only when they agree strongly. */
const HEADLINE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'td', 'span', 'p', 'strong', 'b', 'font', 'a', 'th', 'em', 'center', 'header', 'section', 'li']);
const NEVER_HEADLINE = 'nav, select, option, script, style, noscript, textarea, button, title, head';
const TAG_WEIGHT: Record<string, number> = { h1: 4, h2: 3, h3: 2, h4: 1, strong: 1, b: 1, font: 1 };
/** A line longer than this is prose or a container, not a headline. */
const MAX_HEADLINE = 120;
/** Looking at more candidates than this gains nothing and costs time on huge pages. */
const MAX_CANDIDATES = 4000;
/** Text read while looking for candidates, at most: huge pages stop here, in linear time. */
const TEXT_BUDGET = 2_000_000;
/** A headline element holds a few inline children at most (a link, a font, a span). */
const MAX_CHILDREN = 6;
/** <title> is read up to here: the headline is never longer, a hostile page's title may be. */
const MAX_TITLE = 300;


/**
 * Length of the longest run of characters two short strings share. Both are capped at
 * MAX_HEADLINE (plus a <title>'s length), so this stays a small, bounded table.
 */
function longestCommonRun(a: string, b: string): number {
  if (!a || !b) return 0;
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** The parts of a <title> between site/channel separators, in order. */
function titleParts(title: string): string[] {
  const parts = title
    .split(SEPARATOR)
    .map((p) => p.replace(/^[《「【]|[》」】]$/g, '').trim())
    .filter((p) => p.length > 0);
  return parts;
}

/**
 * <title> without its site and channel names: the headline part is the longest one
 * (site and channel names are short), ties going to the first.
 */
export function stripSiteName(title: string, siteNames: string[] = []): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const parts = titleParts(clean).filter((p) => !siteNames.some((s) => s && squash(s) === squash(p)));
  if (parts.length <= 1) return parts[0] ?? clean;
  let best = parts[0]!;
  for (const p of parts) if (squash(p).length > squash(best).length) best = p;
  // "标题（页 1）" and "标题 (1)" page counters are not part of the headline.
  return best.replace(/\s*[（(]\s*(?:页|頁|第)?\s*\d+\s*(?:页|頁)?\s*[）)]\s*$/, '').trim();
}

interface Candidate {
  text: string;
  /** Agreement with <title>, with a whole heading ranked first. */
  rank: number;
  /** Length of the squashed line, the tie-breaker. */
  length: number;
  shared: number;
  weight: number;
}

function inNavigation(el: Element): boolean {
  return !!el.closest('nav, [role="navigation"], header nav, select');
}

/** A link to the site's front page ("/", "index.html", the bare origin). */
function linksHome(a: Element | null): boolean {
  const href = a?.getAttribute('href')?.trim();
  return !!href && /^(?:(?:https?:)?\/\/[^/?#]+)?\/?(?:index\.(?:s?html?|php|aspx?|jsp))?$/i.test(href);
}

/**
 * The site's name as its masthead prints it: a heading that is (or holds only) a link to the
 * front page, or that sits in a logo box. On a page whose <title> is the site name alone,
 * it agrees with <title> perfectly and is still no headline.
 */
function isMasthead(el: Element): boolean {
  const link = el.closest('a') ?? (el.children.length === 1 && el.firstElementChild?.tagName === 'A' ? el.firstElementChild : null);
  if (linksHome(link)) return true;
  for (let node: Element | null = el, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    if (/logo/i.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  return false;
}

/** Lines of the page that could be its headline: short text in a heading, bold or block element. */
function lineCandidates(doc: Document): Element[] {
  const out: Element[] = [];
  // A static list: jsdom's live collections cost more per index than the whole scan.
  const all = doc.body?.querySelectorAll([...HEADLINE_TAGS].join(',')) ?? [];
  let budget = TEXT_BUDGET;
  for (let i = 0; i < all.length && out.length < MAX_CANDIDATES && budget > 0; i++) {
    const el = all[i]!;
    if (el.childElementCount > MAX_CHILDREN) continue;
    const length = el.textContent?.length ?? 0;
    budget -= length;
    if (length < 2 || length > MAX_HEADLINE * 3) continue;
    out.push(el);
  }
  return out;
}

export interface HeadlineInput {
  /** What the site puts in <title>. */
  pageTitle: string;
  /** og:title or a family's own title field, when the page has one. */
  statedTitles: string[];
  /** Site names known from og:site_name and the like: never the headline. */
  siteNames: string[];
}

/** A pair of adjacent UTF-16 units as one number: cheaper to make and look up than a two-character string. */
const pairAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

function bigrams(s: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) out.add(pairAt(s, i));
  return out;
}

/** Cheap first test: most of the line's character pairs occur in a title. */
function mayAgree(line: string, titleBigrams: Set<number>): boolean {
  let hits = 0;
  for (let i = 0; i + 1 < line.length; i++) if (titleBigrams.has(pairAt(line, i))) hits++;
  return hits >= 3 && hits >= (line.length - 1) * 0.5;
}

/**
 * The page line that agrees best with the stated titles: most characters shared with
 * one of them, and most of the line shared (a container with the headline and a date
 * line agrees less than the headline alone).
 */
function agreeingLine(doc: Document, titles: string[], siteNames: Set<string>, headlineParts: string[]): string | null {
  let best: Candidate | null = null;
  const titleBigrams = bigrams(titles.join('\n'));
  // The cheap tests on the line's text go first: most candidates share nothing with the title.
  for (const el of lineCandidates(doc)) {
    const text = elementText(el);
    const line = squash(text);
    if (line.length < 4 || line.length > MAX_HEADLINE || siteNames.has(line)) continue;
    const tag = el.tagName.toLowerCase();
    // An h1/h2 holding the whole headline part of <title> and saying more ("标题 每栋最高两百万").
    const elaborates = (tag === 'h1' || tag === 'h2') && headlineParts.some((p) => p.length >= 6 && line.includes(p) && line.length <= p.length * 3);
    if (!elaborates && !mayAgree(line, titleBigrams)) continue;
    if (el.closest(NEVER_HEADLINE) || isMasthead(el)) continue;
    // A child holding the same text is the better element; let it speak.
    if (el.children.length === 1 && squash(elementText(el.children[0]!)) === line) continue;
    const shared = Math.max(...titles.map((t) => longestCommonRun(line, t)));
    // A kicker the page prints before the headline ("【记者直击】") is not measured against <title>.
    const core = line.replace(/^[【\[][^】\]]{1,12}[】\]]/, '');
    if (!elaborates && (shared < 4 || shared < core.length * 0.6)) continue;
    if (tag === 'a' || el.closest('a')) {
      if (inNavigation(el) || shared < line.length * 0.9) continue;
    }
    const weight = TAG_WEIGHT[tag] ?? 0;
    // The page's own <h1>/<h2> standing whole in <title> is its headline, even where the
    // title's channel part ("跨国公司-上这里，懂跨国公司-外资…") runs longer.
    // So does one that elaborates it.
    const standsWhole = shared >= 6 && shared >= line.length * 0.9;
    const rank = shared + (weight >= 3 && (standsWhole || elaborates) ? MAX_HEADLINE * 2 : 0);
    const better =
      !best ||
      rank > best.rank ||
      (rank === best.rank && (line.length < best.length || (line.length === best.length && weight > best.weight)));
    if (better) best = { text, length: line.length, shared, weight, rank };
  }
  if (!best) return null;
  // Agreement on the site name alone ("新浪網") is no headline.
  const longestPart = Math.max(...titles.map((t) => t.length));
  if (best.shared < Math.min(6, longestPart)) return null;
  return best.text;
}

/** "相關文章關鍵字：台北 市政" and other labels over a list: never a headline. */
const LABEL = /^[^：:]{1,10}[：:]/;
/** A blog archive's "December 2006", "2006年12月": a date heads a list, not an article. */
const DATE_HEADING = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}\s*(?:年|[-/.])\s*\d{1,2}\s*月?(?:\s*\d{1,2}\s*日?)?)$/i;

/**
 * For pages whose <title> says nothing ("显示", the site name): the first heading that is
 * not navigation, else the first large or bold line standing on its own (centered bold
 * titles of hand-made and FrontPage pages).
 */
const PROMINENT = ['h1', 'h2', 'h3', '[align="center"] strong, [align="center"] b, center strong, center b, font[size] b, b font[size], strong, b'];
const MAX_PROMINENT = 200;

function prominentLine(doc: Document, siteNames: Set<string>): string | null {
  for (const selector of PROMINENT) {
    const found = doc.body?.querySelectorAll(selector) ?? [];
    for (let i = 0; i < found.length && i < MAX_PROMINENT; i++) {
      const el = found[i]!;
      if (el.closest(NEVER_HEADLINE) || el.closest('a') || inNavigation(el) || isMasthead(el)) continue;
      const text = elementText(el);
      const len = squash(text).length;
      // Bold runs inside a paragraph are emphasis; a headline stands alone in its block.
      const block = el.parentElement;
      const alone = !block || squash(elementText(block)).length <= len + 2 || /^h[1-3]$/i.test(el.tagName);
      // "相关新闻：" in bold is a label over a list, not a headline.
      if (len >= 4 && len <= 60 && alone && !/[。！？，,：:]$/.test(text) && !LABEL.test(text) && !DATE_HEADING.test(text) && !/^[》»]/.test(text) && !siteNames.has(squash(text))) return text;
    }
  }
  return null;
}

/** Whether `part` reads as a headline rather than a site name: long enough and not the site. */
function isHeadlinePart(part: string, siteNames: Set<string>): boolean {
  return squash(part).length >= 6 && !siteNames.has(squash(part));
}

/** <title> "长江 - 维基百科": the page's own h1 standing as one whole part of <title> is the headline, however short. */
function headingThatIsAPart(doc: Document, parts: string[]): string | null {
  const wanted = new Set(parts.map(squash).filter((p) => p.length >= 2));
  const headings = doc.body?.querySelectorAll('h1') ?? [];
  for (let i = 0; i < headings.length && i < 20; i++) {
    const el = headings[i]!;
    if (el.closest(NEVER_HEADLINE) || inNavigation(el) || isMasthead(el)) continue;
    if (wanted.has(squash(elementText(el)))) return elementText(el);
  }
  return null;
}

/** A slideshow's counter ("(5/7)") on the <title> part the line begins. */
function withCounter(line: string, parts: string[]): string {
  const l = squash(line);
  const counted = parts.find((p) => squash(p).startsWith(l) && /^[（(]\d{1,3}[/／]\d{1,3}[）)]$/.test(squash(p).slice(l.length)));
  return counted ?? line;
}

export function chooseHeadline(doc: Document, input: HeadlineInput): string | null {
  const siteNames = new Set(input.siteNames.filter(Boolean).map(squash));
  const stated = [input.pageTitle, ...input.statedTitles].map((t) => t.slice(0, MAX_TITLE).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const titles = stated.map(squash).map((t) => t.slice(0, MAX_HEADLINE * 2));
  const parts = stated.flatMap(titleParts);
  const headlineParts = stated.map((t) => squash(stripSiteName(t, [...siteNames])));
  const line = titles.length ? agreeingLine(doc, titles, siteNames, headlineParts) : null;
  if (line) return withCounter(line, parts);
  // No line agrees at length: a short h1 that is a whole part of <title> ("长江 - 维基百科").
  const whole = headingThatIsAPart(doc, parts.filter((p) => !siteNames.has(squash(p))));
  if (whole) return whole;
  const fromTitle = stated.map((t) => stripSiteName(t, input.siteNames)).find((p) => isHeadlinePart(p, siteNames));
  return fromTitle ?? prominentLine(doc, siteNames) ?? (stated[0] ? stripSiteName(stated[0], input.siteNames) : null);
}
