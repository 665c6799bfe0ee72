// A file's bytes, chunk after chunk, read into one buffer used again for every chunk. Node's read streams allocate a
// fresh buffer per chunk: over B1M's 1.3 GB of CSV that cost the line count about 1 s more CPU, mostly the kernel
// handing out new pages, on a 2-core machine where DuckDB's threads want both cores.
import { open } from 'node:fs/promises';

/**
 * Each chunk is a view of the same buffer: it is valid only until the next chunk is asked for, so a caller that keeps
 * bytes across chunks copies them.
 */
export async function* fileChunks(path: string, { chunkBytes = 1 << 22 }: { chunkBytes?: number } = {}): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const file = await open(path, 'r');
  try {
    for (;;) {
      // A null position reads on from where the last read ended.
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
