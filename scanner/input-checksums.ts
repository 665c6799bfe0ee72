// SHA-256 of every input file, for the run record: hashed in the background, file after file, from the moment the
// files are found. Hashing a province's gigabyte of CSV takes seconds on Node's thread, which is otherwise idle
// while DuckDB reads and checks; done after the checks, as before, it added those seconds to every scan.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileChunks } from './read/file-chunks.ts';

export interface InputChecksums {
  /** Starts hashing these files (absolute paths) one after another. */
  start(paths: readonly string[]): void;
  /** The file's SHA-256 (hex): the background result if it was started, else computed now. */
  of(path: string): Promise<string>;
}

export function inputChecksums(): InputChecksums {
  const started = new Map<string, Promise<string>>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    start(paths) {
      for (const path of paths.map((p) => resolve(p))) {
        if (started.has(path)) continue;
        const hash = queue.then(() => fileChecksum(path));
        // A file that vanishes is reported when its checksum is asked for, not as an unhandled rejection now.
        queue = hash.catch(() => undefined);
        started.set(path, hash);
      }
    },
    of(path) {
      return started.get(resolve(path)) ?? fileChecksum(path);
    },
  };
}

async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(path, { chunkBytes: 1 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}
