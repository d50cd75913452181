/**
 * A validator for ATT&CK Navigator layer files, written from the layer format 4.5 spec
 * (attack-navigator layers/spec/v4.5/layerformat.md): required fields, types and enums.
 * Returns the problems found; an empty list means valid.
 */
export function validateLayer(layer: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const optional = (obj: Record<string, unknown>, path: string, key: string, type: 'string' | 'number' | 'boolean') => {
    if (key in obj && typeof obj[key] !== type) fail(`${path}.${key}`, `must be a ${type}`);
  };
  const required = (obj: Record<string, unknown>, path: string, key: string, type: 'string' | 'number' | 'boolean') => {
    if (!(key in obj)) fail(`${path}.${key}`, 'is required');
    else optional(obj, path, key, type);
  };
  const oneOf = (obj: Record<string, unknown>, path: string, key: string, values: readonly unknown[]) => {
    if (key in obj && !values.includes(obj[key])) fail(`${path}.${key}`, `must be one of ${values.join(', ')}`);
  };
  const links = (value: unknown, path: string) => {
    if (!Array.isArray(value)) return fail(path, 'must be an array');
    value.forEach((l, i) => {
      if (!isObject(l)) return fail(`${path}[${i}]`, 'must be an object');
      if (l.divider === true) return;
      required(l, `${path}[${i}]`, 'label', 'string');
      required(l, `${path}[${i}]`, 'url', 'string');
      if (typeof l.url === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(l.url)) fail(`${path}[${i}].url`, 'must start with a protocol');
    });
  };
  const metadata = (value: unknown, path: string) => {
    if (!Array.isArray(value)) return fail(path, 'must be an array');
    value.forEach((m, i) => {
      if (!isObject(m)) return fail(`${path}[${i}]`, 'must be an object');
      if (m.divider === true) return;
      required(m, `${path}[${i}]`, 'name', 'string');
      required(m, `${path}[${i}]`, 'value', 'string');
    });
  };

  if (!isObject(layer)) return ['layer: must be an object'];
  required(layer, 'layer', 'name', 'string');
  required(layer, 'layer', 'domain', 'string');
  oneOf(layer, 'layer', 'domain', ['enterprise-attack', 'mobile-attack', 'ics-attack']);
  optional(layer, 'layer', 'description', 'string');
  optional(layer, 'layer', 'customDataURL', 'string');
  optional(layer, 'layer', 'sorting', 'number');
  oneOf(layer, 'layer', 'sorting', [0, 1, 2, 3]);
  optional(layer, 'layer', 'hideDisabled', 'boolean');
  optional(layer, 'layer', 'showTacticRowBackground', 'boolean');
  optional(layer, 'layer', 'tacticRowBackground', 'string');
  optional(layer, 'layer', 'selectTechniquesAcrossTactics', 'boolean');
  optional(layer, 'layer', 'selectSubtechniquesWithParent', 'boolean');
  optional(layer, 'layer', 'selectVisibleTechniques', 'boolean');

  if ('versions' in layer) {
    const v = layer.versions;
    if (!isObject(v)) fail('layer.versions', 'must be an object');
    else {
      optional(v, 'layer.versions', 'attack', 'string');
      required(v, 'layer.versions', 'navigator', 'string');
      required(v, 'layer.versions', 'layer', 'string');
      if (v.layer !== '4.5') fail('layer.versions.layer', 'must be "4.5"');
      if (typeof v.navigator === 'string' && compareVersions(v.navigator, '4.9.0') < 0) fail('layer.versions.navigator', 'must be at least 4.9.0');
    }
  }
  if ('filters' in layer) {
    const f = layer.filters;
    if (!isObject(f)) fail('layer.filters', 'must be an object');
    else if ('platforms' in f && !(Array.isArray(f.platforms) && f.platforms.every((p) => typeof p === 'string')))
      fail('layer.filters.platforms', 'must be an array of strings');
  }
  if ('layout' in layer) {
    const l = layer.layout;
    if (!isObject(l)) fail('layer.layout', 'must be an object');
    else {
      oneOf(l, 'layer.layout', 'layout', ['side', 'flat', 'mini']);
      for (const key of ['showID', 'showName', 'showAggregateScores', 'countUnscored']) optional(l, 'layer.layout', key, 'boolean');
      oneOf(l, 'layer.layout', 'aggregateFunction', ['average', 'min', 'max', 'sum']);
      oneOf(l, 'layer.layout', 'expandedSubtechniques', ['none', 'all', 'annotated']);
    }
  }
  if ('techniques' in layer) {
    if (!Array.isArray(layer.techniques)) fail('layer.techniques', 'must be an array');
    else
      layer.techniques.forEach((t, i) => {
        const path = `layer.techniques[${i}]`;
        if (!isObject(t)) return fail(path, 'must be an object');
        required(t, path, 'techniqueID', 'string');
        if (typeof t.techniqueID === 'string' && !/^T\d{4}(\.\d{3})?$/.test(t.techniqueID)) fail(`${path}.techniqueID`, 'must look like T#### or T####.###');
        optional(t, path, 'tactic', 'string');
        optional(t, path, 'comment', 'string');
        optional(t, path, 'enabled', 'boolean');
        optional(t, path, 'score', 'number');
        optional(t, path, 'color', 'string');
        optional(t, path, 'showSubtechniques', 'boolean');
        if ('metadata' in t) metadata(t.metadata, `${path}.metadata`);
        if ('links' in t) links(t.links, `${path}.links`);
      });
  }
  if ('gradient' in layer) {
    const g = layer.gradient;
    if (!isObject(g)) fail('layer.gradient', 'must be an object');
    else {
      if (!(Array.isArray(g.colors) && g.colors.length >= 2 && g.colors.every((c) => typeof c === 'string')))
        fail('layer.gradient.colors', 'must be at least two strings');
      required(g, 'layer.gradient', 'minValue', 'number');
      required(g, 'layer.gradient', 'maxValue', 'number');
      if (typeof g.minValue === 'number' && typeof g.maxValue === 'number' && !(g.maxValue > g.minValue))
        fail('layer.gradient.maxValue', 'must be greater than minValue');
    }
  }
  if ('legendItems' in layer) {
    if (!Array.isArray(layer.legendItems)) fail('layer.legendItems', 'must be an array');
    else
      layer.legendItems.forEach((item, i) => {
        if (!isObject(item)) return fail(`layer.legendItems[${i}]`, 'must be an object');
        required(item, `layer.legendItems[${i}]`, 'label', 'string');
        required(item, `layer.legendItems[${i}]`, 'color', 'string');
      });
  }
  if ('metadata' in layer) metadata(layer.metadata, 'layer.metadata');
  if ('links' in layer) links(layer.links, 'layer.links');
  return problems;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
