// Re-encoding a GBK/GB18030 or UTF-16 CSV into a private UTF-8 temporary file, so DuckDB's reader can take it. The
// decoding (iconv-lite, JavaScript) runs on a worker thread: on Node's thread it took a county's two GBK department
// lists (12 MB) about 0.15 s (profiled) while the township workbooks, whose XML only that thread parses, waited for it.
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { makeProcessFolder } from '../spill-folder.ts';
import type { TextEncoding } from './detect-encoding.ts';

export interface TranscodedFile {
  path: string;
  remove: () => Promise<void>;
}

class UndecodableText extends Error {}

/**
 * The file as UTF-8 (lines unchanged), or null when a byte sequence does not decode: then the
 * careful reader must read the original and name the line (wrong encoding).
 */
export async function transcodeToUtf8(source: string, encoding: TextEncoding, bomLength: number): Promise<TranscodedFile | null> {
  // Named as the scan's spill folder is: a scan killed while it is here leaves it to the next scan to remove.
  const folder = await makeProcessFolder();
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'utf8.csv');
  try {
    const onWorker = await worthAWorker(source) ? await transcodeOnWorker({ source, encoding, bomLength, path }) : 'failed';
    if (onWorker === 'undecodable') throw new UndecodableText();
    // A small file, or one no worker could do (none started, or the file could not be read there), is done here, as
    // before: a read error is then the one Node's thread gives.
    if (onWorker !== 'done') await transcodeHere(source, encoding, bomLength, path);
    return { path, remove };
  } catch (error) {
    await remove();
    if (error instanceof UndecodableText) return null;
    throw error;
  }
}

/** Below this a file is decoded here: starting a worker (an isolate, iconv-lite's tables) costs about what decoding a megabyte does. */
const WORKER_FROM_BYTES = 1 << 20;

async function worthAWorker(source: string): Promise<boolean> {
  try {
    return (await stat(source)).size >= WORKER_FROM_BYTES;
  } catch {
    return false; // read here, which reports why it cannot be
  }
}

async function transcodeHere(source: string, encoding: TextEncoding, bomLength: number, path: string): Promise<void> {
  const decoder = iconv.getDecoder(encoding);
  async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      const text = decoder.write(chunk);
      if (text.includes('\ufffd')) throw new UndecodableText();
      yield Buffer.from(text, 'utf8');
    }
    const rest = decoder.end() ?? '';
    if (rest.includes('\ufffd')) throw new UndecodableText();
    yield Buffer.from(rest, 'utf8');
  }
  await pipeline(createReadStream(source, { start: bomLength, highWaterMark: 1 << 22 }), decode, createWriteStream(path, { mode: 0o600 }));
}

export interface TranscodeJob {
  source: string;
  encoding: TextEncoding;
  bomLength: number;
  path: string;
}

/** iconv-lite's entry, for the worker to load the same decoder; null when it cannot be found (the bundle moved alone). */
function iconvEntry(): string | null {
  try {
    return createRequire(import.meta.url).resolve('iconv-lite');
  } catch {
    return null;
  }
}

/**
 * The worker's code: plain CommonJS loading iconv-lite by its path, so it runs the same from the bundle and from source.
 * It decodes as transcodeHere does (a stateful decoder: the text does not depend on where the chunks end) and answers
 * done, undecodable (U+FFFD in the text), or failed (anything else; the caller then does it itself).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, writeSync, closeSync } = require('node:fs');
const { source, encoding, bomLength, path, iconvEntry } = workerData;
const writeAll = (descriptor, bytes) => {
  for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written);
};
let input, output;
try {
  const decoder = require(iconvEntry).getDecoder(encoding);
  input = openSync(source, 'r');
  output = openSync(path, 'w', 0o600);
  let position = bomLength;
  let answer = 'done';
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 22);
    const read = readSync(input, chunk, 0, chunk.length, position);
    if (read === 0) break;
    position += read;
    const text = decoder.write(chunk.subarray(0, read));
    if (text.includes('\\ufffd')) { answer = 'undecodable'; break; }
    writeAll(output, Buffer.from(text, 'utf8'));
  }
  if (answer === 'done') {
    const rest = decoder.end() || '';
    if (rest.includes('\\ufffd')) answer = 'undecodable';
    else writeAll(output, Buffer.from(rest, 'utf8'));
  }
  parentPort.postMessage(answer);
} catch {
  parentPort.postMessage('failed');
} finally {
  if (input !== undefined) closeSync(input);
  if (output !== undefined) closeSync(output);
}
`;

/** Transcodes on a worker thread; 'failed' when no worker could (the caller transcodes on Node's thread then). */
export async function transcodeOnWorker(job: TranscodeJob): Promise<'done' | 'undecodable' | 'failed'> {
  const entry = iconvEntry();
  if (!entry) return 'failed';
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...job, iconvEntry: entry } });
  } catch {
    return 'failed';
  }
  return new Promise((settle) => {
    let answer: 'done' | 'undecodable' | 'failed' = 'failed';
    worker.on('message', (message: 'done' | 'undecodable' | 'failed') => {
      answer = message;
    });
    worker.on('error', () => {
      answer = 'failed';
    });
    // Settled once the worker has ended: its files are closed, and nothing of it runs on.
    worker.on('exit', () => settle(answer));
  });
}
