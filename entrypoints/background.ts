import { setPageScript, togglePageScript } from '../platform/page-script';
import { siteScripts } from '../platform/settings';
import { syncSiteScripts } from '../platform/site-memory';

const MENU = {
  root: 'jingdu',
  cn: 'jingdu-page-cn',
  t: 'jingdu-page-t',
  original: 'jingdu-page-original',
} as const;

function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.root, title: '净读', contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: MENU.cn, parentId: MENU.root, title: '页面转为简体', contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: MENU.t, parentId: MENU.root, title: '頁面轉為繁體', contexts: ['page', 'selection'] });
    browser.contextMenus.create({ id: MENU.original, parentId: MENU.root, title: '还原页面原文', contexts: ['page', 'selection'] });
  });
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncSiteScripts();
  });
  browser.runtime.onStartup?.addListener(() => void syncSiteScripts());
  siteScripts.watch(() => void syncSiteScripts());

  // Menu clicks and the shortcut grant activeTab for the tab, like a toolbar click.
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!tab?.id) return;
    const variant = info.menuItemId === MENU.cn ? 'cn' : info.menuItemId === MENU.t ? 't' : info.menuItemId === MENU.original ? 'original' : null;
    if (variant) void setPageScript(tab.id, variant).catch((err) => console.warn('Jingdu:', err));
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-page-script' && tab?.id) void togglePageScript(tab.id).catch((err) => console.warn('Jingdu:', err));
  });
});
