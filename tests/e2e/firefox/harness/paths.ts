import { join } from 'node:path';
import { repoRoot } from '../../harness/paths';

/** Where `npm run build:firefox` puts the unpacked Firefox extension (Manifest V2, see wxt.config.ts). */
export const builtFirefoxExtensionDir = join(repoRoot, '.output', 'firefox-mv2');

/** Debian's Firefox ESR unless FIREFOX_PATH names another binary. */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
