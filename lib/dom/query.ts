/**
 * Selectors from families, user rules and rule files meet every DOM implementation (browsers,
 * jsdom, linkedom): a selector one of them cannot parse matches nothing, never throws.
 */
export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

export function queryFirst(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** An element's text as one line of single spaces. */
export function elementText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}
