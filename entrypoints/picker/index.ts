import { CLEANER_KEY, type Cleaner, type CleanResult, PICKER_KEY, type PickerStart } from '../../lib/messages';
import { describeBlock, firstChildBlock, isBlock, parentBlock, siblingBlock, startBlock } from '../../lib/site-rules/blocks-nav';
import { type DraftScope, type Pick, type PickVerb, draftRule } from '../../lib/site-rules/draft';
import { type SiteRule, parseRules } from '../../lib/site-rules/schema';
import { selectorFor } from '../../lib/site-rules/selector';
import type { CleanArticle, CleanOptions } from '../../lib/types';
import { t } from '../../platform/i18n';
import { PICKER_CSS } from './style';

/**
 * 这里不对？: the in-page picker. The user outlines a block (mouse or arrows), says what it is
 * (the article, junk, the title, author or date), sees the article the draft rule gives, and
 * keeps the rule for this page, the site or every page of the engine.
 *
 * It tells the page nothing: it lives in a closed shadow root on one element it adds and
 * removes, sets no attribute, global or message the page can see, and on closing puts back
 * the scroll position and focus it found.
 */

const VERB_KEYS: Record<string, PickVerb> = { Enter: 'content', x: 'remove', Delete: 'remove', t: 'title', a: 'author', d: 'date' };
const SCOPE_KEYS: Record<string, DraftScope> = { '1': 'page', '2': 'site', '3': 'engine' };

let close: (() => void) | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function summary(article: CleanArticle | null): string {
  if (!article) return t('pickerNoArticle');
  const chars = article.paragraphs.reduce((n, p) => n + p.replace(/\s+/g, '').length, 0);
  return t('pickerSummary', article.paragraphs.length, chars.toLocaleString(), article.title);
}

/** What the draft changed, next to what automatic cleaning gave. */
function changes(before: CleanArticle | null, after: CleanArticle | null): string[] {
  if (!after) return [];
  const out: string[] = [];
  const chars = (a: CleanArticle | null) => a?.paragraphs.reduce((n, p) => n + p.replace(/\s+/g, '').length, 0) ?? 0;
  const diff = chars(after) - chars(before);
  if (diff) out.push(t('pickerChangedText', `${diff > 0 ? '+' : ''}${diff.toLocaleString()}`));
  for (const [field, label] of [['title', t('pickerTitle')], ['author', t('metaAuthor')], ['published', t('metaPublished')]] as const) {
    if ((after[field] ?? '') !== (before?.[field] ?? '')) out.push(`${label}：${after[field] ?? '—'}`);
  }
  return out;
}

async function start(options: PickerStart): Promise<boolean> {
  if (close) return true; // already open on this page
  const clean = (globalThis as Record<symbol, unknown>)[Symbol.for(CLEANER_KEY)] as Cleaner | undefined;
  const savedScroll = { x: window.scrollX, y: window.scrollY };
  const savedFocus = document.activeElement as HTMLElement | null;
  const others = options.rules;
  const run = async (rules: SiteRule[]) => {
    const r = clean ? await clean({ siteRules: rules }) : null;
    return r?.ok ? r.article : null;
  };
  const baseline = await run(others);
  const family = baseline?.template ?? { id: 'generic', label: '', signature: undefined };

  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  root.append(el('style', { textContent: PICKER_CSS }));
  const marks = el('div');
  const panel = el('section', { className: 'panel' });
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('fixPage'));
  root.append(marks, panel);

  let current: Element = startBlock(document);
  let hovered: Element | null = null;
  let scope: DraftScope = 'site';
  const picks: Array<Pick & { target: Element }> = [];
  let edited: SiteRule | null = null;
  let preview: CleanArticle | null = baseline;
  let message = '';

  const draft = (): SiteRule => edited ?? draftRule(picks, scope, location.href, family);

  // ── what the panel shows ──
  const currentLine = el('p', { className: 'current' });
  const verbs = el('div');
  const verbButton = (verb: PickVerb, label: string, key: string) => {
    const b = el('button', { type: 'button', className: verb === 'content' ? 'primary' : '' }, label, el('kbd', { textContent: key }));
    b.dataset.verb = verb;
    b.addEventListener('click', () => choose(verb));
    return b;
  };
  verbs.append(
    verbButton('content', t('pickArticle'), '⏎'),
    verbButton('remove', t('pickRemove'), 'X'),
    verbButton('title', t('pickTitle'), 'T'),
    verbButton('author', t('pickAuthor'), 'A'),
    verbButton('date', t('pickDate'), 'D'),
  );
  const pickList = el('ul');
  const result = el('div', { className: 'result' });
  result.setAttribute('role', 'status');
  const scopes = el('fieldset');
  const scopeInputs = new Map<DraftScope, HTMLInputElement>();
  for (const [value, label, key] of [['page', t('scopePage'), '1'], ['site', t('scopeSite'), '2'], ['engine', t('scopeEngine'), '3']] as const) {
    const input = el('input', { type: 'radio', name: 'scope', value, checked: value === scope, disabled: value === 'engine' && !family.signature?.length });
    input.addEventListener('change', () => setScope(value));
    scopeInputs.set(value, input);
    scopes.append(el('label', {}, input, label, el('kbd', { textContent: key })), ' ');
  }
  const ruleText = el('textarea', { spellcheck: false });
  ruleText.setAttribute('aria-label', t('ruleAsText'));
  const ruleError = el('p', { className: 'error' });
  ruleText.addEventListener('input', () => {
    try {
      const { rules, refused } = parseRules(JSON.parse(ruleText.value));
      edited = rules[0] ?? null;
      ruleError.textContent = refused[0]?.reason ?? '';
      if (edited) void refresh(false);
    } catch (err) {
      ruleError.textContent = (err as Error).message;
    }
  });
  const saveButton = el('button', { type: 'button', className: 'primary' }, t('rememberRule'), el('kbd', { textContent: 'S' }));
  saveButton.id = 'remember';
  saveButton.addEventListener('click', () => void remember());
  const closeButton = el('button', { type: 'button' }, t('closePicker'), el('kbd', { textContent: 'Esc' }));
  closeButton.addEventListener('click', () => close?.());
  const moveButton = el('button', { type: 'button', title: t('pickerMove') }, '⇆');
  moveButton.addEventListener('click', () => panel.classList.toggle('left'));
  const note = el('p', { className: 'hint' });
  panel.append(
    el('h2', {}, t('fixPage'), moveButton),
    el('p', { className: 'hint', textContent: t('pickerKeys') }),
    currentLine,
    verbs,
    pickList,
    result,
    scopes,
    el('details', {}, el('summary', { textContent: t('ruleAsText') }), ruleText, ruleError),
    saveButton,
    closeButton,
    note,
  );

  const VERB_LABEL: Record<PickVerb, string> = { content: t('pickArticle'), remove: t('pickRemove'), title: t('pickTitle'), author: t('pickAuthor'), date: t('pickDate'), source: t('metaSource'), editor: t('metaEditor') };

  function box(target: Element, kind: string, label?: string): HTMLElement {
    const r = target.getBoundingClientRect();
    const b = el('div', { className: `mark ${kind}` });
    Object.assign(b.style, { top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    if (label) b.append(el('span', { className: 'tag', textContent: label }));
    return b;
  }

  function draw(): void {
    const d = describeBlock(current);
    marks.replaceChildren(
      ...picks.filter((p) => p.target.isConnected).map((p) => box(p.target, p.verb === 'content' ? 'content' : p.verb === 'remove' ? 'remove' : 'field', VERB_LABEL[p.verb])),
      ...(hovered && hovered !== current ? [box(hovered, 'hover')] : []),
      box(current, 'current', `${d.tag} · ${t('blockSize', d.paragraphs, d.chars.toLocaleString())}`),
    );
    currentLine.textContent = `${d.tag} · ${t('blockSize', d.paragraphs, d.chars.toLocaleString())}`;
  }

  function showPicks(): void {
    pickList.replaceChildren(
      ...picks.map((p, i) => {
        const undo = el('button', { type: 'button', textContent: '✕', title: t('undo') });
        undo.addEventListener('click', () => {
          picks.splice(i, 1);
          edited = null;
          void refresh(true);
        });
        return el('li', {}, `${VERB_LABEL[p.verb]}：`, el('code', { textContent: p.selector }), ' ', undo);
      }),
    );
  }

  async function refresh(regenerate: boolean): Promise<void> {
    showPicks();
    draw();
    const rule = draft();
    if (regenerate) ruleText.value = JSON.stringify(rule, null, 2);
    const hasEffect = !!(rule.content || rule.remove || rule.fields);
    preview = hasEffect ? await run([...others.filter((r) => r.id !== rule.id), rule]) : baseline;
    const changed = hasEffect ? changes(baseline, preview) : [];
    result.replaceChildren(el('div', { textContent: summary(preview) }), ...changed.map((c) => el('div', { textContent: c })));
    note.textContent = message;
  }

  function setCurrent(next: Element, scroll: boolean): void {
    if (next === host || !isBlock(next)) return;
    current = next;
    if (scroll) current.scrollIntoView({ block: 'nearest' });
    draw();
  }

  function choose(verb: PickVerb): void {
    const selector = selectorFor(current, document);
    const single = verb !== 'remove';
    const kept = picks.filter((p) => !(single && p.verb === verb) && !(p.verb === 'remove' && p.selector === selector && verb === 'remove'));
    picks.splice(0, picks.length, ...kept, { verb, selector, target: current });
    edited = null;
    message = '';
    void refresh(true);
  }

  function setScope(next: DraftScope): void {
    if (scopeInputs.get(next)?.disabled) return;
    scope = next;
    scopeInputs.get(next)!.checked = true;
    edited = null;
    void refresh(true);
  }

  async function remember(): Promise<void> {
    const rule = draft();
    if (!rule.content && !rule.remove && !rule.fields) {
      message = t('pickFirst');
      note.textContent = message;
      return;
    }
    try {
      const reply = (await browser.runtime.sendMessage({ jingduSaveRule: rule })) as { ok: boolean; message: string } | undefined;
      message = reply?.message ?? t('ruleNotSaved');
    } catch (err) {
      message = `${t('ruleNotSaved')} ${(err as Error).message}`;
    }
    note.textContent = message;
  }

  // ── input: the page gets none of the events the picker uses ──
  const fromPanel = (e: Event) => e.composedPath()[0] === host || e.target === host;
  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const onMove = (e: MouseEvent) => {
    if (fromPanel(e)) return;
    hovered = e.target instanceof Element ? e.target : null;
    draw();
  };
  const onClick = (e: MouseEvent) => {
    if (fromPanel(e)) return;
    swallow(e);
    if (e.type === 'click' && e.target instanceof Element) setCurrent(e.target, false);
  };
  const onKey = (e: KeyboardEvent) => {
    const control = root.activeElement;
    if (e.key === 'Escape') return swallow(e), close?.();
    if (fromPanel(e) && control && /^(TEXTAREA|INPUT|BUTTON|SELECT|SUMMARY)$/.test(control.tagName)) return; // typing in the panel
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const moves: Record<string, () => Element> = {
      ArrowUp: () => parentBlock(current),
      ArrowDown: () => firstChildBlock(current),
      ArrowLeft: () => siblingBlock(current, -1),
      ArrowRight: () => siblingBlock(current, 1),
    };
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (moves[key]) return swallow(e), setCurrent(moves[key](), true);
    if (VERB_KEYS[key]) return swallow(e), choose(VERB_KEYS[key]);
    if (SCOPE_KEYS[key]) return swallow(e), setScope(SCOPE_KEYS[key]);
    if (key === 's') return swallow(e), void remember();
    if (key === 'Backspace' || key === 'z') {
      swallow(e);
      picks.pop();
      edited = null;
      return void refresh(true);
    }
  };
  const onKeyOther = (e: KeyboardEvent) => {
    if (!fromPanel(e) && (e.key.startsWith('Arrow') || e.key === 'Enter' || e.key === 'Escape')) swallow(e);
  };
  let frame = 0;
  const onLayout = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  const listeners: Array<[string, EventListener]> = [
    ['mousemove', onMove as EventListener],
    ['click', onClick as EventListener],
    ['mousedown', onClick as EventListener],
    ['mouseup', onClick as EventListener],
    ['auxclick', onClick as EventListener],
    ['keydown', onKey as EventListener],
    ['keyup', onKeyOther as EventListener],
    ['keypress', onKeyOther as EventListener],
    ['scroll', onLayout],
    ['resize', onLayout],
  ];
  for (const [type, fn] of listeners) window.addEventListener(type, fn, true);

  close = () => {
    for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
    cancelAnimationFrame(frame);
    host.remove();
    window.scrollTo(savedScroll.x, savedScroll.y);
    if (savedFocus?.isConnected && typeof savedFocus.focus === 'function') savedFocus.focus({ preventScroll: true });
    else (document.activeElement as HTMLElement | null)?.blur?.();
    close = null;
  };

  document.documentElement.append(host);
  await refresh(true);
  return true;
}

/**
 * Injected (after the cleaner) when the user asks for it; it waits under a symbol in the
 * extension's isolated world, where page scripts cannot reach it.
 */
export default defineUnlistedScript({
  main() {
    (globalThis as Record<symbol, unknown>)[Symbol.for(PICKER_KEY)] = start;
  },
});
