import { useEffect, useState } from 'preact/hooks';
import { fetchPageSummary, getActiveTab, type ActiveTab } from './active-tab';
import type { SummaryState } from './on-this-page';

/** The active tab and what its content script annotated. */
export function usePageSummary(): { tab: ActiveTab | undefined; summary: SummaryState } {
  const [tab, setTab] = useState<ActiveTab>();
  const [summary, setSummary] = useState<SummaryState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    (async () => {
      const active = await getActiveTab().catch(() => undefined);
      if (!current) return;
      setTab(active);
      const result = active ? await fetchPageSummary(active.id) : undefined;
      if (current) setSummary(result ? { status: 'ready', summary: result } : { status: 'none' });
    })();
    return () => {
      current = false;
    };
  }, []);
  return { tab, summary };
}
