import { type ScriptVariant } from '../lib/convert/variants';
import { cleanInTab } from './clean-in-tab';
import { t } from './i18n';
import { keepPicturesEnabled, pictureChoice, saveArticle } from './library-actions';
import { runPictureJobs } from './picture-jobs';
import { setPageScript, togglePageScript } from './page-script';

/** Context-menu entries of the 简/繁 page toggle. */
export const MENU = {
  root: 'jingdu',
  cn: 'jingdu-page-cn',
  t: 'jingdu-page-t',
  original: 'jingdu-page-original',
  save: 'jingdu-save',
} as const;

const MENU_VARIANT: Record<string, ScriptVariant> = { [MENU.cn]: 'cn', [MENU.t]: 't', [MENU.original]: 'original' };

export function createMenus(): void {
  const contexts = ['page', 'selection'] as const;
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.root, title: t('extName'), contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.cn, parentId: MENU.root, title: t('menuPageCn'), contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.t, parentId: MENU.root, title: t('menuPageT'), contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.original, parentId: MENU.root, title: t('menuPageOriginal'), contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.save, parentId: MENU.root, title: t('save'), contexts: [...contexts] });
  });
}

/** A menu click grants activeTab for its tab, like a toolbar click. */
export async function onMenuClick(menuItemId: string | number, tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  if (menuItemId === MENU.save) return void (await saveTab(tabId));
  const variant = MENU_VARIANT[String(menuItemId)];
  if (variant) await setPageScript(tabId, variant);
}

/** So do the keyboard shortcuts. */
export async function onCommand(command: string, tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  if (command === 'toggle-page-script') await togglePageScript(tabId);
  if (command === 'save-article') await saveTab(tabId);
}

/** Cleans the tab and saves the article without opening the popup; the badge says how it went. */
export async function saveTab(tabId: number): Promise<{ ok: boolean; message: string }> {
  // The reader asked for this page to be saved: a large one is cleaned too (the popup asks first).
  const result = await cleanInTab(tabId, { cleanLargePages: true });
  // No popup to ask from: pictures are kept only from sites already granted.
  const pictures = result?.ok ? await pictureChoice(result.article, await keepPicturesEnabled(), false) : 'off';
  const outcome = result?.ok ? await saveArticle(result.article, 'original', null, { pictures, runJobs: () => void runPictureJobs() }) : { ok: false, message: result?.message ?? t('noArticle') };
  await browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' });
  await browser.action.setTitle({ tabId, title: outcome.message });
  return outcome;
}
