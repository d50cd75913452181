import { type ScriptApis, type ScriptName, takeScriptApi } from './handoff';

/** Where WXT writes each script the content script imports (web-accessible, see wxt.config.ts). */
export const SCRIPT_PATHS = {
  'content-main': '/content-main.js',
  'card-ui': '/card-ui.js',
} as const satisfies Record<ScriptName, string>;

/**
 * A loader of one of the extension's scripts: the first call imports it from `url`, later
 * calls share that import. Rejects when the script cannot be loaded or left no API; the next
 * call then tries again.
 */
export function extensionScriptLoader<N extends ScriptName>(
  name: N,
  url: string,
  importScript: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u),
): () => Promise<ScriptApis[N]> {
  let loading: Promise<ScriptApis[N]> | undefined;
  return () =>
    (loading ??= importScript(url).then(
      () => {
        const api = takeScriptApi(name);
        if (!api) throw new Error(`TI Lens: ${url} did not provide its API (${name})`);
        return api;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}
