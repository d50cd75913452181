import { SourceError } from '../source-error';

/** Runs a CLI step: a SourceError prints its message (file and object) and exits 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof SourceError) console.error(`Source data error: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  });
}
