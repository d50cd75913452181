import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'TI Lens',
    description:
      'Spots threat actors, aliases and ATT&CK IDs on the pages you read and explains them offline.',
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'TI Lens' },
  },
});
