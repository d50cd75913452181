import { afterAll, beforeAll } from 'vitest';
import { launchExtension, type LaunchedExtension } from './launch-extension';
import { fixturePagesDir } from './page-probes';
import { serveFolder, type StaticServer } from './static-server';

export interface ExtensionSession {
  /** The built extension in Chromium: set by the describe block's first beforeAll. */
  readonly extension: LaunchedExtension;
  /** The local test server for `folder`. */
  readonly server: StaticServer;
}

/**
 * Launches the built extension and serves `folder` before the tests of the calling describe
 * block, and closes both after them. Call it at the top of the block, before its own hooks
 * (they run in order); read the fields inside hooks and tests.
 */
export function useExtensionSession(folder: string = fixturePagesDir): ExtensionSession {
  const session = {} as { extension: LaunchedExtension; server: StaticServer };
  beforeAll(async () => {
    session.extension = await launchExtension();
    session.server = await serveFolder(folder);
  });
  afterAll(async () => {
    await session.extension?.close();
    await session.server?.close();
  });
  return session;
}
