import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../../platform/i18n';

/**
 * The actions used less often, behind one button: a native disclosure, so it opens and
 * closes from the keyboard as any other control; Escape closes it and gives focus back.
 */
export function MoreMenu({ children }: { children: ComponentChildren }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menu.current?.open) return;
    e.preventDefault(); // the popup itself would close
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  };
  return (
    <details class="more" id="more" ref={menu} onKeyDown={closeOnEscape}>
      {/* A glyph, not a word: the bar stays one row in every language; the name is for screen readers and hover. */}
      <summary aria-label={t('moreActions')} title={t('moreActions')}>⋯</summary>
      <div class="menu">{children}</div>
    </details>
  );
}
