import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least privilege: nothing runs on a page until the user clicks the toolbar button,
// the shortcut or the context menu (activeTab grants that one tab; scripting injects
// into it). contextMenus is for the 简/繁 page toggle entries. Host access is optional
// and asked per site, only when the user chooses "always show this site in 简/繁".
/** Test builds (`wxt build --mode e2e`) add the probe that lets Firefox's automation drive the real flows. */
const E2E = 'e2e';
const LOCAL_TEST_HOST = 'http://127.0.0.1/*';

export default defineConfig({
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === E2E) return;
      const probe = entrypoints.findIndex((e) => e.name === 'e2e-probe');
      if (probe >= 0) entrypoints.splice(probe, 1);
    },
  },
  manifest: ({ manifestVersion, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // The e2e build holds access to the local test servers (127.0.0.1): Firefox's automation scripts
    // fixture pages without a click, and Chromium's saves pictures without the prompt it cannot click.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', ...(mode === E2E && manifestVersion === 2 ? [LOCAL_TEST_HOST] : [])],
    ...(mode === E2E && manifestVersion === 3 ? { host_permissions: [LOCAL_TEST_HOST] } : {}),
    // MV2 (Firefox) names optional host access optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      'toggle-page-script': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdTogglePage__',
      },
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdSaveArticle__',
      },
    },
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings: {
      gecko: {
        id: 'jingdu@jingdu.app',
        // data_collection_permissions is read from Firefox 140 on.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  // The sources zip the add-on store's reviewers rebuild from: the project as the repository holds it,
  // without what builds, tests and benches write (pages generated from third-party corpora among them).
  zip: {
    excludeSources: ['out/**', 'dist/**', 'test-output/**', 'tests/e2e/pages/generated/**', 'bench/results.json', 'web-ext-artifacts/**', '**/*.log'],
  },
  // The conversion worker loads its dictionaries with dynamic imports, which needs ES-module workers.
  // The one chunk over Vite's 500 kB warning is opencc's 简→繁 dictionary (about 1.1 MB), loaded
  // only when a conversion is asked for; the limit sits just above it so anything else still warns.
  vite: () => ({ plugins: [preact()], worker: { format: 'es' }, build: { chunkSizeWarningLimit: 1200 } }),
});
