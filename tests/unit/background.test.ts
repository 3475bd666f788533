import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommand, onMenuClick } from '../../platform/actions';
import { rememberSite, setEveryPageScript, syncSiteScripts } from '../../platform/site-memory';
import { detectScript } from '../../lib/convert/script';
import { loadConverter } from '../../lib/convert/load';
import { PageView } from '../../lib/convert/page-view';
import { everyPageScript, siteScripts } from '../../platform/settings';

/**
 * The background's menu and shortcut handlers against a jsdom "tab": executeScript
 * runs injected functions for real and stands in for the converter content scripts.
 */
let tab: JSDOM;
let injected: string[];

async function fakeInjection(inj: { files?: string[]; func?: (...a: unknown[]) => unknown; args?: unknown[] }) {
  const doc = tab.window.document;
  if (inj.files) {
    injected.push(...inj.files);
    const file = inj.files.at(-1)!;
    if (file.endsWith('page-script.js')) return [{ result: detectScript(doc.body.textContent ?? '') }];
    globalThis.__jingduPageView ??= new PageView(doc, (fn) => fn());
    if (file.endsWith('page-simplified.js')) globalThis.__jingduPageView.register('cn', await loadConverter('cn'));
    if (file.endsWith('page-traditional.js')) globalThis.__jingduPageView.register('t', await loadConverter('t'));
    return [{ result: undefined }];
  }
  return [{ result: inj.func!(...(inj.args ?? [])) }];
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.__jingduPageView = undefined;
  tab = new JSDOM('<html><head><title>头发</title></head><body><p>软件和头发的后果</p></body></html>');
  injected = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(fakeInjection as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue(undefined as never);
});

const text = () => tab.window.document.querySelector('p')!.textContent;

describe('context menu (handlers the background wires up)', () => {
  it('shows the page in Traditional, loading the big dictionary only then', async () => {
    await onMenuClick('jingdu-page-t', 7);
    await vi.waitFor(() => expect(text()).toBe('軟件和頭髮的後果'));
    expect(injected).toEqual(['/dict-cn2t.js', '/page-traditional.js']);
  });

  it('restores the original', async () => {
    await onMenuClick('jingdu-page-t', 7);
    await vi.waitFor(() => expect(text()).toBe('軟件和頭髮的後果'));
    await onMenuClick('jingdu-page-original', 7);
    await vi.waitFor(() => expect(text()).toBe('软件和头发的后果'));
  });
});

describe('keyboard shortcut', () => {
  it('toggles a Simplified page to the preferred Traditional form and back', async () => {
    await onCommand('toggle-page-script', 7);
    await vi.waitFor(() => expect(text()).toBe('軟件和頭髮的後果'));
    await onCommand('toggle-page-script', 7);
    await vi.waitFor(() => expect(text()).toBe('软件和头发的后果'));
    expect(injected).toEqual(['/page-script.js', '/dict-cn2t.js', '/page-traditional.js']);
  });
});

describe('per-site memory', () => {
  it('registers a content script only for remembered sites the user granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async (p: { origins: string[] }) => p.origins[0] === '*://bbs.example.com/*') as never);
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    await siteScripts.setValue({ 'bbs.example.com': 'twp', 'news.example.org': 'cn' });
    await syncSiteScripts();
    const regs = register.mock.calls.at(-1)![0] as Array<{ matches: string[]; js: string[] }>;
    expect(regs).toHaveLength(1);
    expect(regs[0]).toMatchObject({ matches: ['*://bbs.example.com/*'], js: ['dict-cn2t.js', 'page-traditional.js', 'site-memory.js'] });
  });
});

describe('every page as it loads', () => {
  it('registers one script for every site once granted, leaving out the sites remembered on their own', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    await siteScripts.setValue({ 'bbs.example.com': 'twp' });
    await everyPageScript.setValue('cn');
    await syncSiteScripts();
    const regs = register.mock.calls.at(-1)![0] as Array<{ id: string; matches: string[]; excludeMatches?: string[]; js: string[] }>;
    expect(regs.map((r) => r.matches)).toEqual([['*://bbs.example.com/*'], ['http://*/*', 'https://*/*']]);
    expect(regs[1]).toMatchObject({ excludeMatches: ['*://bbs.example.com/*'], js: ['dict-t2cn.js', 'page-simplified.js', 'site-memory.js'] });
  });

  it('registers nothing for every site without the access, and is not turned on when the browser refuses it', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    register.mockClear();
    await everyPageScript.setValue('t');
    await syncSiteScripts();
    expect(register).not.toHaveBeenCalled();

    await everyPageScript.setValue(null);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    expect(await setEveryPageScript('t')).toBe(false);
    expect(await everyPageScript.getValue()).toBeNull();
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    expect(await setEveryPageScript('t')).toBe(true);
    expect(await everyPageScript.getValue()).toBe('t');
    expect(vi.mocked(fakeBrowser.permissions.request).mock.calls.at(-1)![0]).toEqual({ origins: ['http://*/*', 'https://*/*'] });
  });
});

describe('a site kept as written while every page is converted', () => {
  it('is remembered without asking for its access, gets no script and is left out of every page’s', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    request.mockClear();
    expect(await rememberSite('news.example.tw', 'original')).toBe(true);
    expect(request).not.toHaveBeenCalled();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    await everyPageScript.setValue('cn');
    await syncSiteScripts();
    const regs = register.mock.calls.at(-1)![0] as Array<{ matches: string[]; excludeMatches?: string[] }>;
    expect(regs.map((r) => r.matches)).toEqual([['http://*/*', 'https://*/*']]);
    expect(regs[0]!.excludeMatches).toEqual(['*://news.example.tw/*']);
  });
});
