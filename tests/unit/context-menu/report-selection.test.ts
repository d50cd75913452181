import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportSelectionChanges } from '../../../utils/selection/report-selection';

describe('reporting the page selection to the background', () => {
  let controller: AbortController;
  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    document.body.replaceChildren();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const select = (text: string) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.replaceChildren(p);
    const range = document.createRange();
    range.selectNodeContents(p);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
  };

  it('reports the settled selection once, trimmed and bounded, only when it changed', () => {
    const reported: string[] = [];
    reportSelectionChanges((t) => reported.push(t), controller.signal);
    select('  T1566.001 ');
    vi.advanceTimersByTime(100);
    select('  T1566.001 ');
    expect(reported).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(reported).toEqual(['T1566.001']);
    select('T1566.001');
    vi.advanceTimersByTime(200);
    expect(reported).toEqual(['T1566.001']);
    select('y'.repeat(400));
    vi.advanceTimersByTime(200);
    expect(reported[1]).toHaveLength(100);
  });

  it('stops when aborted', () => {
    const reported: string[] = [];
    reportSelectionChanges((t) => reported.push(t), controller.signal);
    select('APT28');
    controller.abort();
    vi.advanceTimersByTime(500);
    select('APT29');
    vi.advanceTimersByTime(500);
    expect(reported).toEqual([]);
  });
});
