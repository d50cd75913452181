/**
 * How a script the content script imports from the extension (WXT builds it as an IIFE
 * without exports: entrypoints/content-main.ts, entrypoints/card-ui.ts) hands its API to the
 * importer: it leaves the API in a symbol-keyed slot of the global it runs in, and the
 * importer takes (and empties) the slot right after the import resolves. That global is the
 * content script's isolated world (Chromium) or sandbox (Firefox): the page never sees it.
 */

/** The scripts that hand over an API, and what each hands over. */
export interface ScriptApis {
  'content-main': import('../content/content-main-api').ContentMainApi;
  'card-ui': import('../card-ui/card-ui-api').CardUi;
}

export type ScriptName = keyof ScriptApis;

const slotOf = (name: ScriptName) => Symbol.for(`ti-lens.${name}`);

type Holder = Record<symbol, unknown>;

/** Called by the imported script when it runs. */
export function offerScriptApi<N extends ScriptName>(name: N, api: ScriptApis[N], global: object = globalThis): void {
  (global as Holder)[slotOf(name)] = api;
}

/** The API the script left, removed from the global; undefined when it left none. */
export function takeScriptApi<N extends ScriptName>(name: N, global: object = globalThis): ScriptApis[N] | undefined {
  const holder = global as Holder;
  const slot = slotOf(name);
  const api = holder[slot] as ScriptApis[N] | undefined;
  delete holder[slot];
  return api;
}
