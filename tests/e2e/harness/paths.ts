import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (this file lives in tests/e2e/harness/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where `npm run build` puts the unpacked Chromium extension. */
export const builtExtensionDir = join(repoRoot, '.output', 'chrome-mv3');

/** Debian's Chromium unless CHROMIUM_PATH names another binary. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
