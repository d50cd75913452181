import { useEffect, useState } from 'preact/hooks';
import { watchContentSettings } from './read-settings';
import type { Settings } from './settings';

/** The current settings for a page component, kept up to date; undefined until first read. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    const controller = new AbortController();
    watchContentSettings(setSettings, controller.signal).catch(() => {});
    return () => controller.abort();
  }, []);
  return settings;
}
