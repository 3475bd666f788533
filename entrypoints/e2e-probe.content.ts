// Built only with `wxt build --mode e2e` (see wxt.config.ts): never part of the extension users install.
export default defineContentScript({
  matches: ['http://127.0.0.1/*'],
  runAt: 'document_idle',
  async main() {
    if (!location.hash.startsWith('#jingdu-e2e')) return;
    const outcome = await browser.runtime.sendMessage({ jingduProbe: true, mergePages: location.hash === '#jingdu-e2e-merge', siteRule: location.hash === '#jingdu-e2e-rule' }).catch((err: Error) => ({ ok: false, reason: err.message }));
    document.documentElement.setAttribute('data-jingdu-e2e', JSON.stringify(outcome));
  },
});
