import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least privilege: nothing runs on a page until the user clicks the toolbar button,
// the shortcut or the context menu (activeTab grants that one tab; scripting injects
// into it). contextMenus is for the 简/繁 page toggle entries. Host access is optional
// and asked per site, only when the user chooses "always show this site in 简/繁".
export default defineConfig({
  manifest: {
    name: 'Jingdu 净读',
    description: 'Clean, readable, savable articles from messy Chinese news and forum pages',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-page-script': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Toggle this page between Simplified and Traditional / 页面简繁切换',
      },
    },
    action: { default_title: 'Jingdu: clean this article' },
    browser_specific_settings: {
      gecko: {
        id: 'jingdu@jingdu.app',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
  vite: () => ({ plugins: [preact()] }),
});
