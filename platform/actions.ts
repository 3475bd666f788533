import { type ScriptVariant } from '../lib/convert/variants';
import { setPageScript, togglePageScript } from './page-script';

/** Context-menu entries of the 简/繁 page toggle. */
export const MENU = {
  root: 'jingdu',
  cn: 'jingdu-page-cn',
  t: 'jingdu-page-t',
  original: 'jingdu-page-original',
} as const;

const MENU_VARIANT: Record<string, ScriptVariant> = { [MENU.cn]: 'cn', [MENU.t]: 't', [MENU.original]: 'original' };

export function createMenus(): void {
  const contexts = ['page', 'selection'] as const;
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.root, title: '净读', contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.cn, parentId: MENU.root, title: '页面转为简体', contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.t, parentId: MENU.root, title: '頁面轉為繁體', contexts: [...contexts] });
    browser.contextMenus.create({ id: MENU.original, parentId: MENU.root, title: '还原页面原文', contexts: [...contexts] });
  });
}

/** A menu click grants activeTab for its tab, like a toolbar click. */
export async function onMenuClick(menuItemId: string | number, tabId: number | undefined): Promise<void> {
  const variant = MENU_VARIANT[String(menuItemId)];
  if (variant && tabId !== undefined) await setPageScript(tabId, variant);
}

/** So does the keyboard shortcut. */
export async function onCommand(command: string, tabId: number | undefined): Promise<void> {
  if (command === 'toggle-page-script' && tabId !== undefined) await togglePageScript(tabId);
}
