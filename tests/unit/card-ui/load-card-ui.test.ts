import { describe, expect, it, vi } from 'vitest';
import { type CardUi, offerCardUi, takeCardUi } from '../../../utils/card-ui/card-ui-handoff';
import { cardUiLoader } from '../../../utils/card-ui/load-card-ui';

const ui: CardUi = { startHoverCards: () => {} };

describe('loading the card UI', () => {
  it('imports the script once and takes the API it offered', async () => {
    const importScript = vi.fn(async () => offerCardUi(ui));
    const load = cardUiLoader('ext://card-ui.js', importScript);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(ui);
    expect(b).toBe(ui);
    expect(importScript).toHaveBeenCalledTimes(1);
    expect(importScript).toHaveBeenCalledWith('ext://card-ui.js');
    expect(takeCardUi()).toBeUndefined(); // taken, not left in the global
  });

  it('fails clearly when the script offered nothing', async () => {
    await expect(cardUiLoader('ext://card-ui.js', async () => {})()).rejects.toThrow(/did not provide the card UI/);
  });

  it('fails when the import fails', async () => {
    await expect(cardUiLoader('ext://card-ui.js', () => Promise.reject(new Error('blocked')))()).rejects.toThrow('blocked');
  });
});
