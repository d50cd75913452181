import { looseText } from './name-key';
import type { SearchDoc, SearchNameTable } from './search-doc';

/** The names a document answers to: its name, "Parent: name" for sub-techniques, its aliases (index >= 0). */
export function namesOfDoc(doc: SearchDoc): { name: string; alias: number }[] {
  return [
    { name: doc.name, alias: -1 },
    ...(doc.parent ? [{ name: `${doc.parent}: ${doc.name}`, alias: -1 }] : []),
    ...doc.aliases.map((name, alias) => ({ name, alias })),
  ];
}

/** Builds the normalised name table (at build time). */
export function buildNameTable(docs: readonly SearchDoc[]): SearchNameTable {
  const table: SearchNameTable = { doc: [], text: [], alias: [] };
  docs.forEach((doc, i) => {
    for (const { name, alias } of namesOfDoc(doc)) {
      const text = looseText(name);
      if (!text) continue;
      table.doc.push(i);
      table.text.push(text);
      table.alias.push(alias);
    }
  });
  return table;
}
