/**
 * The XPath that rule files written for other readers use (fivefilters ftr-site-config),
 * turned into CSS where CSS can say the same. A small recursive-descent reader over one
 * pass of the string: xpath-to-css, the npm converter, validates with a nested-quantifier
 * regex that takes exponential time on brackets (25 of them: 46 s), and rule files are untrusted.
 *
 * Read: `/` and `//` steps, a name or `*`, predicates `[@a='v']`, `[@a]`, `[contains(@a,'v')]`,
 * `[starts-with(@a,'v')]`, the class idiom `contains(concat(' ',normalize-space(@class),' '),' v ')`,
 * `and`, `or`, a lone `[n]` or `[last()]`, unions with `|`, and a closing `/@attr`.
 * Anything else (text(), axes, other functions) is refused with the reason.
 */
export class XPathNotSupported extends Error {}

export interface CssSelection {
  /** Alternatives, any of which selects (a CSS selector list). */
  selector: string;
  /** A closing `/@attr`: the value is read from this attribute. */
  attr?: string;
}

const MOST_ALTERNATIVES = 20;
const NAME = /[A-Za-z_][\w.:-]*/y;
const NUMBER = /\d+/y;

function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function cssAttr(name: string, op: '' | '=' | '*=' | '^=', value?: string): string {
  if (name === 'id' && op === '=' && /^[A-Za-z_][\w-]*$/.test(value!)) return `#${value}`;
  return op ? `[${name}${op}${cssString(value!)}]` : `[${name}]`;
}

/** Every way to pick one alternative from each list, joined; refused past a sensible number. */
function product(lists: string[][], join: (a: string, b: string) => string): string[] {
  let out = [''];
  for (const list of lists) {
    out = out.flatMap((a) => list.map((b) => join(a, b)));
    if (out.length > MOST_ALTERNATIVES) throw new XPathNotSupported('too many alternatives for one CSS selector');
  }
  return out;
}

class Reader {
  private at = 0;
  constructor(private readonly src: string) {}

  private space(): void {
    while (this.at < this.src.length && /\s/.test(this.src[this.at]!)) this.at++;
  }

  peek(s: string): boolean {
    this.space();
    return this.src.startsWith(s, this.at);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.at += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) throw new XPathNotSupported(`expected ${s} at character ${this.at + 1}`);
  }

  done(): boolean {
    this.space();
    return this.at >= this.src.length;
  }

  word(pattern: RegExp): string | null {
    this.space();
    pattern.lastIndex = this.at;
    const m = pattern.exec(this.src);
    if (!m) return null;
    this.at += m[0].length;
    return m[0];
  }

  name(): string {
    const n = this.word(NAME);
    if (!n) throw new XPathNotSupported(`expected a name at character ${this.at + 1}`);
    return n;
  }

  literal(): string {
    this.space();
    const quote = this.src[this.at];
    if (quote !== "'" && quote !== '"') throw new XPathNotSupported(`expected a quoted value at character ${this.at + 1}`);
    const end = this.src.indexOf(quote, this.at + 1);
    if (end < 0) throw new XPathNotSupported('a quoted value is not closed');
    const value = this.src.slice(this.at + 1, end);
    this.at = end + 1;
    return value;
  }

  /** One condition inside [ ]: CSS alternatives (an `or` gives several). */
  condition(): string[] {
    const alternatives = [this.conjunction()];
    while (this.eat('or ') || this.eat('or(')) alternatives.push(this.conjunction());
    return alternatives.flat();
  }

  private conjunction(): string[] {
    const parts = [this.atom()];
    while (this.eat('and ') || this.eat('and(')) parts.push(this.atom());
    return product(parts, (a, b) => a + b);
  }

  private atom(): string[] {
    if (this.eat('(')) {
      const inner = this.condition();
      this.expect(')');
      return inner;
    }
    if (this.eat('@')) {
      const name = this.name();
      if (!this.eat('=')) return [cssAttr(name, '')];
      return [cssAttr(name, '=', this.literal())];
    }
    if (this.peek('text()') || this.peek('.')) throw new XPathNotSupported('a condition on the text has no CSS equivalent');
    if (this.eat('contains(')) {
      if (this.eat('concat(')) return [this.classIdiom()];
      if (this.peek('text()') || this.peek('.')) throw new XPathNotSupported('a condition on the text has no CSS equivalent');
      return [this.attributeTest('*=')];
    }
    if (this.eat('starts-with(')) return [this.attributeTest('^=')];
    throw new XPathNotSupported(`no CSS equivalent for the condition at character ${this.at + 1}`);
  }

  /** The rest of contains(@a, 'v') or starts-with(@a, 'v'), after the function's name. */
  private attributeTest(op: '*=' | '^='): string {
    this.expect('@');
    const name = this.name();
    this.expect(',');
    const value = this.literal();
    this.expect(')');
    return cssAttr(name, op, value);
  }

  /** contains(concat(' ', normalize-space(@class), ' '), ' name '): the element has that class. */
  private classIdiom(): string {
    this.literal();
    this.expect(',');
    const normalized = this.eat('normalize-space(');
    this.expect('@class');
    if (normalized) this.expect(')');
    this.expect(',');
    this.literal();
    this.expect(')');
    this.expect(',');
    const cls = this.literal().trim();
    this.expect(')');
    if (!/^[A-Za-z_-][\w-]*$/.test(cls)) throw new XPathNotSupported(`not a class name: ${cls}`);
    return `.${cls}`;
  }

  /** name or * with its predicates: CSS alternatives for this step. */
  step(): string[] {
    if (this.peek('@') || this.peek('text()') || this.peek('..') || this.peek('.')) throw new XPathNotSupported('only element steps have a CSS equivalent');
    const tag = this.eat('*') ? '' : this.name();
    if (tag.includes(':')) throw new XPathNotSupported(`axes and namespaces have no CSS equivalent (${tag})`);
    const predicates: string[][] = [];
    let position: string | null = null;
    while (this.eat('[')) {
      const n = this.word(NUMBER);
      if (n !== null || this.peek('last()')) {
        if (predicates.length || !tag) throw new XPathNotSupported('a position after another condition has no CSS equivalent');
        position = n !== null ? `:nth-of-type(${n})` : (this.expect('last()'), ':last-of-type');
      } else {
        if (position) throw new XPathNotSupported('a condition after a position has no CSS equivalent');
        predicates.push(this.condition());
      }
      this.expect(']');
    }
    return product([[tag], ...predicates, [position ?? '']], (a, b) => a + b).map((s) => s || '*');
  }
}

/** One path (no `|`) as CSS alternatives, with its closing attribute. */
function pathToCss(path: string): { alternatives: string[]; attr?: string } {
  const r = new Reader(path);
  const steps: string[][] = [];
  const joins: string[] = [];
  let attr: string | undefined;
  let join = r.eat('//') ? '' : r.eat('/') ? 'root' : '';
  for (;;) {
    if (steps.length && r.eat('@')) {
      attr = r.name();
      break;
    }
    if (steps.length && r.eat('text()')) break; // the element's text is what a field reads anyway
    joins.push(join);
    steps.push(r.step());
    if (r.eat('//')) join = ' ';
    else if (r.eat('/')) join = ' > ';
    else break;
  }
  if (!r.done()) throw new XPathNotSupported('the expression goes on past what CSS can say');
  const lists = steps.map((alternatives, i) => alternatives.map((s) => (joins[i] === 'root' ? `:root${s === 'html' ? '' : ` > ${s}`}` : `${joins[i]}${s}`)));
  return { alternatives: product(lists, (a, b) => a + b).map((s) => s.trim()), attr };
}

/** Splits a union at `|` outside quotes and brackets. */
function unionParts(xpath: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < xpath.length; i++) {
    const c = xpath[i]!;
    if (quote) quote = c === quote ? '' : quote;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(xpath.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(xpath.slice(start));
  return parts;
}

/** The CSS for an XPath expression, or XPathNotSupported saying why not. */
export function xpathToCss(xpath: string): CssSelection {
  if (xpath.length > 1000) throw new XPathNotSupported('longer than 1,000 characters');
  const paths = unionParts(xpath.trim()).map(pathToCss);
  const attrs = new Set(paths.map((p) => p.attr));
  if (attrs.size > 1) throw new XPathNotSupported('the alternatives read different attributes');
  const alternatives = paths.flatMap((p) => p.alternatives);
  if (alternatives.length > MOST_ALTERNATIVES) throw new XPathNotSupported('too many alternatives for one CSS selector');
  return { selector: alternatives.join(', '), attr: paths[0]!.attr };
}
