import { useSettings } from '@/utils/settings/use-settings';
import { AboutSection } from './about-section';
import { AnnotationSettings } from './annotation-settings';
import { SiteSettings } from './site-settings';

/** The options page: every setting saves at once and applies to open tabs; then the data and its licences. */
export function OptionsApp() {
  const settings = useSettings();
  return (
    <main class="options til-theme">
      <h1>TI Lens options</h1>
      {!settings && <p class="muted">Loading…</p>}
      {settings && (
        <>
          <AnnotationSettings settings={settings} />
          <SiteSettings settings={settings} />
        </>
      )}
      <AboutSection />
    </main>
  );
}
