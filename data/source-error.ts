/** A source dataset that cannot be read: names the file and, where known, the object. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    detail: string,
    readonly objectRef?: string,
  ) {
    super(`${file}${objectRef ? ` (${objectRef})` : ''}: ${detail}`);
    this.name = 'SourceError';
  }
}

/** Throws a SourceError unless `value` is a plain object. */
export function expectObject(value: unknown, file: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SourceError(file, `expected ${what} to be an object`);
  }
  return value as Record<string, unknown>;
}

/** Throws a SourceError unless `value` is an array. */
export function expectArray(value: unknown, file: string, what: string, objectRef?: string): unknown[] {
  if (!Array.isArray(value)) throw new SourceError(file, `expected ${what} to be an array`, objectRef);
  return value;
}
