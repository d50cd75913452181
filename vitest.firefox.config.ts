import { defineConfig } from 'vitest/config';

// The Firefox smoke test drives the built extension (.output/firefox-mv2) in Debian's
// firefox-esr over WebDriver BiDi. Its files end in .firefox.ts, so `npm run test:e2e`
// (the Chromium suite, *.e2e.ts) does not pick them up.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.firefox.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
