import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least privilege: nothing runs on a page until the user clicks the toolbar button
// (activeTab grants that one tab; scripting injects the cleaner into it).
export default defineConfig({
  manifest: {
    name: 'Jingdu 净读',
    description: 'Clean, readable, savable articles from messy Chinese news and forum pages',
    permissions: ['activeTab', 'scripting', 'storage'],
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
