// Sibling pointers, not .children: live HTMLCollections are slow to index in jsdom.

/**
 * Pages nested thousands of levels deep (tables in tables, div soup) make
 * Readability crawl and recursive code overflow. Below a depth limit, a wrapper
 * whose only content is one element is replaced by that element: the text and
 * its order stay, only empty nesting goes.
 */
export function flattenDeepNesting(root: Element, maxDepth = 48): number {
  let unwrapped = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    let node: Element = el;
    // Formatting nested past the limit (<b>字<b>字… thousands deep) holds only text: it becomes
    // that text. Checked once, at the first level past the limit, so the walk stays linear.
    const inline = depth === maxDepth + 1 ? inlineElements(node) : 0;
    if (inline > 0) {
      unwrapped += inline;
      node.replaceWith(node.ownerDocument.createTextNode(node.textContent ?? ''));
      continue;
    }
    if (depth > maxDepth) {
      // Collapse a chain of single-child wrappers into its innermost element, moving it
      // once (DOMs walk a moved subtree, so moving it level by level would be quadratic).
      let inner = node;
      for (let next = soleChild(inner); next; next = soleChild(inner)) {
        inner = next;
        unwrapped++;
      }
      if (inner !== node) {
        node.replaceWith(inner);
        node = inner;
      }
    }
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return unwrapped;
}

/** Formatting that carries no structure: its text is all that matters this deep. */
const INLINE = /^(B|I|U|S|EM|STRONG|SPAN|FONT|SMALL|BIG|SUB|SUP|MARK|CODE|A|ABBR|CITE|Q|TT|STRIKE|DEL|INS|NOBR|LABEL)$/;

/** How many elements a subtree holds when they are all inline formatting (no blocks, pictures or breaks), else 0; walked without recursion. */
function inlineElements(el: Element): number {
  let n = 0;
  const stack: Element[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    if (!INLINE.test(e.tagName.toUpperCase())) return 0;
    n++;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return n;
}

/** The one element child of a wrapper that holds no text of its own, else null. */
function soleChild(el: Element): Element | null {
  const child = el.firstElementChild;
  if (!child || child.nextElementSibling) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue?.trim()) return null;
  return /^(IMG|BR|HR)$/i.test(child.tagName) ? null : child;
}

/** Deepest element nesting under root, measured without recursion. */
export function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return deepest;
}
