/**
 * A selector for the block a user picked that still finds it after the site republishes
 * the page: an id or a stable class before any position, never a generated name
 * (CSS-in-JS hashes, post numbers), short enough to read and edit.
 */

/** Names a template or a framework generated: they differ from page to page or build to build. */
function isGenerated(name: string): boolean {
  return (
    name.length > 40 ||
    /\d{3,}/.test(name) || // post_123456, pid8812
    /^(css|sc|jsx|emotion|styled|svelte|astro|chakra|mui|ember|ng|v)-/i.test(name) ||
    /__[\w-]*[A-Za-z0-9]{5}$/.test(name) || // CSS modules: title__a8Xk2
    (/[A-Z]/.test(name) && /\d/.test(name) && /[a-z]/.test(name)) || // hashes mixing case and digits
    !/^[A-Za-z_][\w-]*$/.test(name)
  );
}

/** Classes worth naming: stable ones, and not state (active, hover, on). */
function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => !isGenerated(c) && !/^(active|current|selected|on|hover|focus|open|show|hidden|clearfix|cl|fix|fl|fr|left|right)$/i.test(c));
}

function unique(doc: Document, selector: string, el: Element): boolean {
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** The element's own part of a selector: `#id`, `tag.class`, else the tag with its place among siblings. */
function ownPart(el: Element, withPosition: boolean): string {
  const tag = el.tagName.toLowerCase();
  if (el.id && !isGenerated(el.id)) return `#${el.id}`;
  const named = `${tag}${stableClasses(el).slice(0, 2).map((c) => `.${c}`).join('')}`;
  if (!withPosition || !el.parentElement) return named;
  const same = [...el.parentElement.children].filter((c) => c.tagName === el.tagName);
  return same.length > 1 ? `${named}:nth-of-type(${same.indexOf(el) + 1})` : named;
}

const MOST_LEVELS = 6;

/** The shortest robust selector that finds exactly `el` in `doc`. */
export function selectorFor(el: Element, doc: Document): string {
  const own = ownPart(el, false);
  if (unique(doc, own, el)) return own;
  // Anchor on the nearest ancestor with a name of its own, then come down without positions if that suffices.
  let chain = [own];
  let node: Element | null = el.parentElement;
  for (let level = 0; node && node.tagName !== 'HTML' && level < MOST_LEVELS; level++, node = node.parentElement) {
    const part = ownPart(node, false);
    chain = [part, ...chain];
    const candidate = chain.join(' > ');
    if (unique(doc, candidate, el)) return candidate;
    if (part.startsWith('#')) break;
  }
  // Positions last: a path of places among siblings from the body (or the nearest id).
  const path: string[] = [];
  for (let n: Element | null = el; n && n.tagName !== 'HTML'; n = n.parentElement) {
    const part = ownPart(n, true);
    path.unshift(part);
    if (part.startsWith('#') || n.tagName === 'BODY') break;
    if (unique(doc, path.join(' > '), el)) break;
  }
  return path.join(' > ');
}
