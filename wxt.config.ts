import { defineConfig } from 'wxt';
import type { InlineConfig } from 'vite';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The registered content script is evaluated on every page and frame, and the polyfill
    // (its API metadata alone) costs it over a millisecond there, for nothing it uses: it
    // calls runtime.id and runtime.getURL, and messages through @webext-core/messaging, which
    // calls chrome.runtime itself. So it gets WXT's bare `browser` (the browser's own
    // promise-based namespace); everything it imports later (content-main.js) keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length === 1 && entrypoints[0]!.name === 'content-loader') withoutAlias(config, 'wxt/browser');
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'TI Lens',
    description:
      'Spots threat actors, aliases and ATT&CK IDs on the pages you read and explains them offline.',
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // The registered content script (entrypoints/content-loader.ts, an unlisted script: see
    // there why not WXT's defineContentScript). Every frame, about:blank ones too; sandboxed
    // srcdoc frames have an opaque origin, and without match_origin_as_fallback the script
    // skips them and their parent cannot reach into them (Chromium; Firefox MV2 has no key).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['content-loader.js'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
        ...(browser !== 'firefox' && { match_origin_as_fallback: true }),
      },
    ],
    action: { default_title: 'TI Lens' },
    // The scripts the content script imports (a module a content script imports must be
    // web-accessible): its main module (entrypoints/content-main.ts), compiled off the page's
    // main thread that way, and the hover-card UI (entrypoints/card-ui.ts), imported on the
    // first hover or focus of a mention. Chromium's dynamic URL changes every session, so
    // pages cannot use the files to tell that the extension is installed; Firefox's
    // moz-extension host is random per installation.
    web_accessible_resources:
      manifestVersion === 2
        ? ['content-main.js', 'card-ui.js']
        : [{ resources: ['content-main.js', 'card-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    // Firefox is built as Manifest V2 (`--mv2` in the firefox scripts): there the `<all_urls>`
    // content script is a required permission granted at install, so pages are annotated out of
    // the box. Firefox MV3 treats it as an optional host permission that the user can withhold or
    // revoke per site or for all sites, and the content script then silently stops running.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'ti-lens@ti-lens',
          // 140 (an ESR) is the first Firefox that reads data_collection_permissions.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});

/** Removes one module alias (object or array form) from a Vite config. */
function withoutAlias(config: InlineConfig, find: string): void {
  const alias = config.resolve?.alias;
  if (Array.isArray(alias)) config.resolve!.alias = alias.filter((entry) => entry.find !== find);
  else if (alias) delete (alias as Record<string, string>)[find];
}
