// SHA-256 of every input file, for the run record: hashed in the background, file after file, from the moment the
// files are found. Hashing a province's gigabyte of CSV takes seconds on Node's thread, which is otherwise idle
// while DuckDB reads and checks; done after the checks, as before, it added those seconds to every scan. The hashing
// runs on a worker thread of its own: while a county's workbooks are read, Node's thread is the one they wait for
// (their XML is parsed there), and hashing its 52 MB there took that thread about 0.05 s of the read (profiled).
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
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
  const workers: BackgroundHashes[] = [];
  return {
    start(paths) {
      const fresh = [...new Set(paths.map((p) => resolve(p)))].filter((path) => !started.has(path));
      if (fresh.length === 0) return;
      // Without a worker thread (none could be started) they are hashed here, one after another, as before.
      const onWorker = hashOnWorker(fresh);
      if (onWorker) workers.push(onWorker);
      for (const [index, path] of fresh.entries()) {
        const hash = onWorker?.hashes[index] ?? queue.then(() => fileChecksum(path));
        if (!onWorker) queue = hash.catch(() => undefined);
        // A file that vanishes is reported when its checksum is asked for, not as an unhandled rejection now.
        hash.catch(() => undefined);
        started.set(path, hash);
      }
    },
    of(path) {
      // Waited for now: the workers must keep the process alive until they have answered.
      for (const worker of workers) worker.awaited();
      return started.get(resolve(path)) ?? fileChecksum(path);
    },
  };
}

async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fileChunks(path, { chunkBytes: 1 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The worker's code: plain CommonJS with Node's own modules only, so it runs the same from the bundle and from source.
 * It takes one file at a time (each message handled to its end), reading into one buffer used again, as fileChunks does.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ id, path }) => {
  let descriptor;
  try {
    descriptor = openSync(path, 'r');
    const hash = createHash('sha256');
    for (let read = readSync(descriptor, buffer, 0, buffer.length, null); read > 0; read = readSync(descriptor, buffer, 0, buffer.length, null)) {
      hash.update(buffer.subarray(0, read));
    }
    parentPort.postMessage({ id, sha256: hash.digest('hex') });
  } catch {
    parentPort.postMessage({ id });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
});
`;

/**
 * The files' SHA-256, hashed one after another on a worker thread that ends once the last is hashed; null when no
 * worker thread can be started.
 */
export interface BackgroundHashes {
  hashes: Promise<string>[];
  /** Someone waits for a hash: until the last is done the worker holds the process open (before, a failed scan exits without it). */
  awaited(): void;
}

export function hashOnWorker(paths: readonly string[]): BackgroundHashes | null {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true });
  } catch {
    return null;
  }
  const settles: (((hash: Promise<string>) => void) | undefined)[] = [];
  const hashes = paths.map(() => new Promise<string>((settle) => settles.push(settle)));
  let left = paths.length;
  /** A file the worker could not hash is hashed here, so that its error is the one reading it here gives (ENOENT …). */
  const settle = (index: number, sha256: string | undefined) => {
    const done = settles[index];
    if (!done) return;
    settles[index] = undefined;
    done(sha256 === undefined ? fileChecksum(paths[index]!) : Promise.resolve(sha256));
    if (--left === 0) void worker.terminate();
  };
  worker.on('message', ({ id, sha256 }: { id: number; sha256?: string }) => settle(id, sha256));
  // The worker gone before its last file (it failed): what it had left is hashed here.
  const giveUp = () => paths.forEach((_, index) => settle(index, undefined));
  worker.on('error', giveUp);
  worker.on('exit', giveUp);
  for (const [id, path] of paths.entries()) worker.postMessage({ id, path });
  worker.unref();
  return { hashes, awaited: () => worker.ref() };
}
