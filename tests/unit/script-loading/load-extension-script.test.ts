import { describe, expect, it, vi } from 'vitest';
import type { CardUi } from '../../../utils/card-ui/card-ui-api';
import { offerScriptApi, takeScriptApi } from '../../../utils/script-loading/handoff';
import { extensionScriptLoader } from '../../../utils/script-loading/load-extension-script';

const ui: CardUi = { startHoverCards: () => {} };

describe('loading a script of the extension', () => {
  it('imports the script once and takes the API it offered', async () => {
    const importScript = vi.fn(async () => offerScriptApi('card-ui', ui));
    const load = extensionScriptLoader('card-ui', 'ext://card-ui.js', importScript);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(ui);
    expect(b).toBe(ui);
    expect(importScript).toHaveBeenCalledTimes(1);
    expect(importScript).toHaveBeenCalledWith('ext://card-ui.js');
    expect(takeScriptApi('card-ui')).toBeUndefined(); // taken, not left in the global
  });

  it('takes only the API of the script it loads', async () => {
    offerScriptApi('content-main', { start: () => ({ summary: () => ({ mentions: 0, entities: [], notAnnotated: 0 }) }) });
    await expect(extensionScriptLoader('card-ui', 'ext://card-ui.js', async () => {})()).rejects.toThrow(/did not provide its API \(card-ui\)/);
    expect(takeScriptApi('content-main')).toBeDefined();
  });

  it('fails when the import fails, and tries again on the next call', async () => {
    const importScript = vi.fn().mockRejectedValueOnce(new Error('blocked')).mockImplementation(async () => offerScriptApi('card-ui', ui));
    const load = extensionScriptLoader('card-ui', 'ext://card-ui.js', importScript);
    await expect(load()).rejects.toThrow('blocked');
    await expect(load()).resolves.toBe(ui);
    expect(importScript).toHaveBeenCalledTimes(2);
  });
});
