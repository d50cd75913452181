import { writeSetting } from '@/utils/settings/read-settings';
import type { Settings } from '@/utils/settings/settings';
import { isSiteEnabled, setSiteEnabled } from '@/utils/settings/site-list';

/** Annotation on or off for the current site (the site list), and the global state when it is off. */
export function SiteSwitch({ hostname, settings }: { hostname: string; settings: Settings }) {
  const enabled = isSiteEnabled(hostname, settings.siteListMode, settings.siteList);
  const toggle = () => writeSetting('siteList', setSiteEnabled(hostname, !enabled, settings.siteListMode, settings.siteList));
  return (
    <div class="site-switch">
      <label class="switch">
        <input type="checkbox" role="switch" checked={enabled} onChange={toggle} />
        <span>
          Annotate <strong>{hostname}</strong>
        </span>
      </label>
      {!settings.annotationEnabled && (
        <p class="muted">
          Annotation is off everywhere.{' '}
          <button type="button" class="link-button" onClick={() => writeSetting('annotationEnabled', true)}>
            Turn it on
          </button>
        </p>
      )}
      {settings.annotationEnabled && <p class="muted">Takes effect on open tabs at once.</p>}
    </div>
  );
}
