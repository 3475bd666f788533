import { createMenus, onCommand, onMenuClick } from '../platform/actions';
import { siteScripts } from '../platform/settings';
import { syncSiteScripts } from '../platform/site-memory';

const report = (err: unknown) => console.warn('Jingdu:', err);

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncSiteScripts().catch(report);
  });
  browser.runtime.onStartup?.addListener(() => void syncSiteScripts().catch(report));
  siteScripts.watch(() => void syncSiteScripts().catch(report));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info.menuItemId, tab?.id).catch(report));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab?.id).catch(report));
  // Test builds only: the mode is a build-time constant, so other builds carry none of this.
  if (import.meta.env.MODE === 'e2e') {
    browser.runtime.onMessage.addListener((message: { jingduProbe?: boolean; mergePages?: boolean }, sender) =>
      message?.jingduProbe && sender.tab?.id !== undefined ? import('../platform/e2e-probe').then((m) => m.runProbe(sender.tab!.id!, !!message.mergePages)) : undefined,
    );
  }
});
