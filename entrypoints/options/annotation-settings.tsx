import { kindName } from '@/components/format/labels';
import { writeSetting } from '@/utils/settings/read-settings';
import { ANNOTATION_KINDS, HIGHLIGHT_STYLES, MAX_HOVER_DELAY_MS, type HighlightStyle, type Settings } from '@/utils/settings/settings';

const STYLE_LABELS: Record<HighlightStyle, string> = {
  underline: 'Underline',
  background: 'Background tint',
  subtle: 'Subtle (dotted underline)',
};

/** Whether, what and how pages are annotated. */
export function AnnotationSettings({ settings }: { settings: Settings }) {
  return (
    <section class="panel" aria-labelledby="annotation-title">
      <h2 id="annotation-title">Annotation</h2>
      <label class="row">
        <input
          type="checkbox"
          name="annotationEnabled"
          checked={settings.annotationEnabled}
          onChange={(e) => writeSetting('annotationEnabled', e.currentTarget.checked)}
        />
        Annotate pages
      </label>
      <fieldset>
        <legend>Annotate these kinds</legend>
        {ANNOTATION_KINDS.map((kind) => (
          <label key={kind} class="row">
            <input
              type="checkbox"
              name={`kind-${kind}`}
              checked={settings.kinds.includes(kind)}
              onChange={(e) =>
                writeSetting(
                  'kinds',
                  ANNOTATION_KINDS.filter((k) => (k === kind ? e.currentTarget.checked : settings.kinds.includes(k))),
                )
              }
            />
            {kindName(kind).replace(/^./, (c) => c.toUpperCase())}
          </label>
        ))}
      </fieldset>
      <label class="row">
        <input
          type="checkbox"
          name="strictMode"
          checked={settings.strictMode}
          onChange={(e) => writeSetting('strictMode', e.currentTarget.checked)}
        />
        <span>
          Strict mode <span class="muted">— only names that are never ordinary words (skips “Axiom”, “Lazarus”, “Sandworm”)</span>
        </span>
      </label>
      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="row">
            <input
              type="radio"
              name="highlightStyle"
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => writeSetting('highlightStyle', style)}
            />
            <span class={`sample sample-${style}`}>{STYLE_LABELS[style]}</span>
          </label>
        ))}
      </fieldset>
      <label class="row">
        Card opens after
        <input
          type="number"
          name="hoverDelayMs"
          min={0}
          max={MAX_HOVER_DELAY_MS}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const value = e.currentTarget.valueAsNumber;
            if (Number.isFinite(value)) writeSetting('hoverDelayMs', Math.round(Math.min(MAX_HOVER_DELAY_MS, Math.max(0, value))));
          }}
        />
        ms of hovering
      </label>
    </section>
  );
}
