import { type Block, type Container, escapeHtml, textBlock, trimSpace } from '../blocks';
import { pictureSource } from '../pictures/sources';
import { isDataTable } from './data-table';

/**
 * Splits an element into Blocks the way a reader sees lines: at block elements
 * and at <br> (forum posts are one <td> of <br>-separated lines). Inline markup
 * worth keeping (links, emphasis) is carried along as HTML.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FORM', 'HEAD', 'LINK', 'META']);
const INLINE_KEEP: Record<string, string> = { A: 'a', B: 'strong', STRONG: 'strong', EM: 'em', I: 'em', U: 'u', SUP: 'sup', SUB: 'sub', CODE: 'code' };
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'LABEL', 'MARK', 'Q', 'RUBY', 'RT', 'RP', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'IGNORE_JS_OP']);
const HEADING = /^H[1-6]$/;

/** A logo, button or provider mark by its stated size: a line under it is no caption. */
function isIcon(img: Element): boolean {
  const size = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10);
  const [w, h] = [size('width'), size('height')];
  return (w > 0 && w < 120 && (Number.isNaN(h) || h < 120)) || (h > 0 && h < 60) || /logo|icon|btn|button/i.test(img.getAttribute('src') ?? '');
}

/** The same picture again and again (bullets, a "中翻英" button after each paragraph) is decoration, not a photo. */
function markRepeatedPictures(blocks: Block[]): void {
  const seen = new Map<string, number>();
  for (const b of blocks) if (b.kind === 'image' && b.src) seen.set(b.src, (seen.get(b.src) ?? 0) + 1);
  for (const b of blocks) if (b.kind === 'image' && b.src && seen.get(b.src)! > 1) b.icon = true;
}

export interface BlockOptions {
  baseUrl?: string;
}

function absolute(url: string, base?: string): string {
  try {
    return base ? new URL(url, base).href : url;
  } catch {
    return url;
  }
}

function isHidden(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return el.hasAttribute('hidden') || style.includes('display:none') || style.includes('visibility:hidden');
}

/** A line that stops here mid-sentence: a picture met now sits inside the sentence, not between paragraphs. */
const SENTENCE_GOES_ON = /[^\s。！？!?…：:；;」』”"）)】]\s*$/;

/** A picture wrapped in a link to another site: a click-through ad put into the text. */
function linksElsewhere(img: Element, baseUrl: string | undefined): boolean {
  const href = img.closest('a')?.getAttribute('href');
  if (!href || !baseUrl) return false;
  try {
    return new URL(href, baseUrl).hostname !== new URL(baseUrl).hostname;
  } catch {
    return false;
  }
}

function isCenteredBlock(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return el.tagName.toUpperCase() === 'CENTER' || el.getAttribute('align')?.toLowerCase() === 'center' || style.includes('text-align:center');
}

export function toBlocks(root: Element, opts: BlockOptions = {}): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let html = '';
  let kind: Block['kind'] = 'text';
  let container: Container | undefined;
  let nextId = 0;

  let centered = 0;
  // Inline tags open around the current line: a line that ends inside <b>…<p>…</p>…</b> closes them,
  // and the next line opens them again, so each line's HTML stands on its own.
  const openInline: Array<{ open: string; close: string }> = [];

  // Pictures met inside a sentence ("获得了5<img>00万元"): they follow the line, which is not cut in two.
  let inSentence: Block[] = [];
  // The line's last characters, kept apart: reading them off `text` would flatten it at every picture.
  let tail = '';

  const flush = () => {
    const t = trimSpace(text.replace(/[ \t\r\n\f]+/g, ' '));
    const closing = openInline.map((o) => o.close).reverse().join('');
    if (t) blocks.push({ ...textBlock(t, kind, (html + closing).trim()), ...(container && { container }), ...(centered > 0 && { centered: true }) });
    text = '';
    tail = '';
    html = openInline.map((o) => o.open).join('');
    blocks.push(...inSentence);
    inSentence = [];
  };

  /** Walks `el` with its lines inside `inner`, then carries on outside it. */
  const within = (inner: Container | undefined, el: Element) => {
    const outer = container;
    container = inner;
    el.childNodes.forEach(walk);
    flush();
    container = outer;
  };

  const walkTable = (table: Element) => {
    const id = ++nextId;
    [...table.querySelectorAll('tr')].forEach((tr, row) => {
      const header = tr.parentElement?.tagName.toUpperCase() === 'THEAD';
      [...tr.children].filter((c) => /^T[DH]$/i.test(c.tagName)).forEach((cell, col) => {
        flush();
        within({ type: 'table', id, row, col, header: header || cell.tagName.toUpperCase() === 'TH' }, cell);
      });
    });
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      text += value;
      tail = (tail + value.slice(-64)).slice(-64);
      html += escapeHtml(value.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') return flush();
    if (tag === 'IMG') {
      const src = pictureSource(el);
      if (!src) return;
      const picture: Block = { text: trimSpace(el.getAttribute('alt') ?? ''), kind: 'image', src: absolute(src, opts.baseUrl) };
      if (isIcon(el)) picture.icon = true;
      if (SENTENCE_GOES_ON.test(tail)) {
        // Inside a sentence, a picture linking to another site is an ad; another one follows the line.
        if (linksElsewhere(el, opts.baseUrl)) picture.icon = true;
        picture.inline = true;
        inSentence.push(picture);
        return;
      }
      flush();
      blocks.push(picture);
      return;
    }
    if (INLINE.has(tag)) {
      const keep = INLINE_KEEP[tag];
      const href = tag === 'A' ? el.getAttribute('href') : null;
      const open = keep === 'a' ? (href ? `<a href="${escapeHtml(absolute(href, opts.baseUrl))}">` : '') : keep ? `<${keep}>` : '';
      html += open;
      if (open) openInline.push({ open, close: `</${keep}>` });
      el.childNodes.forEach(walk);
      if (open) {
        openInline.pop();
        html += `</${keep}>`;
      }
      return;
    }
    // A block element: its content is its own line(s).
    flush();
    if (tag === 'UL' || tag === 'OL') return within({ type: 'list', id: ++nextId, ordered: tag === 'OL' }, el);
    if (tag === 'BLOCKQUOTE') return within({ type: 'quote', id: ++nextId }, el);
    if (tag === 'TABLE' && isDataTable(el)) return walkTable(el);
    const outer = kind;
    if (HEADING.test(tag)) kind = 'heading';
    else if (tag === 'FIGCAPTION') kind = 'caption';
    const isCentered = isCenteredBlock(el);
    if (isCentered) centered++;
    el.childNodes.forEach(walk);
    flush();
    if (isCentered) centered--;
    kind = outer;
  };

  root.childNodes.forEach(walk);
  flush();
  markRepeatedPictures(blocks);
  return blocks;
}
