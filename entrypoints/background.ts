import { createMenus, onCommand, onMenuClick } from '../platform/actions';
import { saveRuleFromPicker } from '../platform/picker';
import { KEEP_PICTURES_MESSAGE, runPictureJobs } from '../platform/picture-jobs';
import { everyPageScript, siteScripts } from '../platform/settings';
import { syncSiteScripts } from '../platform/site-memory';

const report = (err: unknown) => console.warn('Jingdu:', err);

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    createMenus();
    void syncSiteScripts().catch(report);
  });
  browser.runtime.onStartup?.addListener(() => void syncSiteScripts().catch(report));
  siteScripts.watch(() => void syncSiteScripts().catch(report));
  everyPageScript.watch(() => void syncSiteScripts().catch(report));
  // Pictures of saved articles are kept here, not in the page that saved: a job left by a
  // stopped worker or a closed browser resumes whenever the worker starts.
  void runPictureJobs().catch(report);
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!message || typeof message !== 'object' || !(Object.keys(KEEP_PICTURES_MESSAGE)[0]! in message) || sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http')) return undefined;
    void runPictureJobs().catch(report);
    return undefined;
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info.menuItemId, tab?.id).catch(report));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab?.id).catch(report));
  // The picker's one message: a rule to keep. Only our own scripts in a tab can send it (pages cannot message an extension).
  browser.runtime.onMessage.addListener((message: { jingduSaveRule?: unknown }, sender, sendResponse) => {
    if (!message || typeof message !== 'object' || !('jingduSaveRule' in message) || sender.id !== browser.runtime.id || !sender.tab) return undefined;
    saveRuleFromPicker(message.jingduSaveRule).then(sendResponse, (err) => sendResponse({ ok: false, message: String(err) }));
    return true; // the answer comes later (sendResponse works in Chrome and Firefox alike)
  });
  // Test builds only: the mode is a build-time constant, so other builds carry none of this.
  if (import.meta.env.MODE === 'e2e') {
    browser.runtime.onMessage.addListener((message: { jingduProbe?: boolean; mergePages?: boolean; siteRule?: boolean }, sender) =>
      message?.jingduProbe && sender.tab?.id !== undefined ? import('../platform/e2e-probe').then((m) => m.runProbe(sender.tab!.id!, !!message.mergePages, !!message.siteRule)) : undefined,
    );
  }
});
