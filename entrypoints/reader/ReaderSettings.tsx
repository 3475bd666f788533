import { READER_KEYS, type ReaderAction } from '../../lib/reader/keys';
import { FONT_STACKS, READER_RANGES, type ReaderFont, type ReaderPrefs, readerPrefsFrom } from '../../lib/reader/typography';
import { t } from '../../platform/i18n';

const FONT_LABELS: Record<ReaderFont, Parameters<typeof t>[0]> = { song: 'fontSong', hei: 'fontHei', kai: 'fontKai', system: 'fontSystem' };
const ACTION_LABELS: Record<ReaderAction, Parameters<typeof t>[0]> = {
  down: 'keyDown',
  up: 'keyUp',
  larger: 'keyLarger',
  smaller: 'keySmaller',
  contents: 'keyContents',
  theme: 'keyTheme',
  settings: 'keySettings',
  help: 'keyHelp',
  library: 'keyLibrary',
};

interface Props {
  prefs: ReaderPrefs;
  onChange(p: ReaderPrefs): void;
  open: boolean;
  onToggle(open: boolean): void;
}

/** 排版: size, column width, font, line height, paragraph spacing and theme, each remembered. */
export function ReaderSettings({ prefs, onChange, open, onToggle }: Props) {
  const set = (patch: Partial<ReaderPrefs>) => onChange(readerPrefsFrom({ ...prefs, ...patch }));
  const slider = (id: string, key: keyof typeof READER_RANGES, label: Parameters<typeof t>[0], shown: string) => (
    <label>
      {t(label)}
      <input id={id} type="range" {...READER_RANGES[key]} value={prefs[key]} onInput={(e) => set({ [key]: Number((e.target as HTMLInputElement).value) })} />
      <output for={id}>{shown}</output>
    </label>
  );
  return (
    <details id="reader-settings" class="reader-settings" open={open} onToggle={(e) => onToggle((e.target as HTMLDetailsElement).open)}>
      <summary>{t('readerSettings')}</summary>
      <div class="panel">
        <label>
          {t('fontSize')} <button id="smaller" onClick={() => set({ fontSize: prefs.fontSize - 1 })}>A−</button>
          <output>{prefs.fontSize}px</output>
          <button id="larger" onClick={() => set({ fontSize: prefs.fontSize + 1 })}>A+</button>
        </label>
        <label>
          {t('readerFont')}
          <select id="reader-font" value={prefs.font} onChange={(e) => set({ font: (e.target as HTMLSelectElement).value as ReaderFont })}>
            {(Object.keys(FONT_STACKS) as ReaderFont[]).map((f) => <option key={f} value={f}>{t(FONT_LABELS[f])}</option>)}
          </select>
        </label>
        {slider('reader-width', 'width', 'readerWidth', t('widthChars', String(prefs.width)))}
        {slider('reader-line-height', 'lineHeight', 'lineHeight', prefs.lineHeight.toFixed(1))}
        {slider('reader-spacing', 'spacing', 'paragraphSpacing', `${prefs.spacing}em`)}
        <label>
          {t('theme')}
          <select id="theme" value={prefs.theme} onChange={(e) => set({ theme: (e.target as HTMLSelectElement).value as ReaderPrefs['theme'] })}>
            <option value="auto">{t('themeAuto')}</option>
            <option value="light">{t('themeLight')}</option>
            <option value="dark">{t('themeDark')}</option>
          </select>
        </label>
      </div>
    </details>
  );
}

/** The ? panel: every key, read off the same table the handler uses. */
export function KeysHelp({ onClose }: { onClose(): void }) {
  return (
    <div id="reader-keys" class="reader-keys" role="dialog" aria-label={t('readerKeys')}>
      <h2>{t('readerKeys')}</h2>
      <dl>
        {READER_KEYS.map((k) => (
          <div key={k.action}>
            <dt>{k.keys.map((key) => <kbd key={key}>{key}</kbd>)}</dt>
            <dd>{t(ACTION_LABELS[k.action])}</dd>
          </div>
        ))}
      </dl>
      <button id="close-keys" onClick={onClose}>{t('close')}</button>
    </div>
  );
}
