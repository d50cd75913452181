import { useState } from 'preact/hooks';
import type { TechniqueGroup } from '@/utils/cards/card-data';
import { downloadJson } from '@/utils/export/download-json';
import { exportTitle, layerForEntity, type EntityWithTechniques } from '@/utils/export/entity-layer';
import { layerFileName } from '@/utils/export/navigator-layer';
import { techniquesAsMarkdown, techniquesAsText } from '@/utils/export/technique-list';
import type { DetailsStore } from '@/utils/index-data/details-store';

interface ExportBarProps {
  store: DetailsStore;
  entity: EntityWithTechniques;
  groups: readonly TechniqueGroup[];
}

/** Export an entity's techniques: an ATT&CK Navigator layer file, or a list on the clipboard. */
export function ExportBar({ store, entity, groups }: ExportBarProps) {
  const [status, setStatus] = useState('');
  const title = exportTitle(entity);
  const count = new Set(groups.flatMap((g) => g.techniques.map((t) => t.id))).size;

  const download = async () => {
    try {
      const { layer, otherDomains } = await layerForEntity(store, entity);
      downloadJson(layerFileName(title), layer);
      setStatus(
        `Navigator layer saved (${layer.domain}, ${layer.techniques.length} entries)` +
          (otherDomains ? `; ${otherDomains} techniques of other matrices left out.` : '.'),
      );
    } catch (error) {
      setStatus(`Could not build the layer: ${String(error)}`);
    }
  };
  const copy = async (format: 'text' | 'Markdown') => {
    const text = format === 'text' ? techniquesAsText(title, groups) : techniquesAsMarkdown(title, groups);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied ${count} techniques as ${format}.`);
    } catch {
      setStatus('The clipboard is not available here.');
    }
  };

  return (
    <div class="export-bar" role="group" aria-label="Export techniques">
      <button type="button" data-action="navigator-layer" onClick={download}>
        Download Navigator layer
      </button>
      <button type="button" data-action="copy-text" onClick={() => copy('text')}>
        Copy techniques
      </button>
      <button type="button" data-action="copy-markdown" onClick={() => copy('Markdown')}>
        Copy as Markdown
      </button>
      <span class="export-status muted" role="status">
        {status}
      </span>
    </div>
  );
}
