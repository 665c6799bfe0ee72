// fileChunks reads a file into one reused buffer: every byte once, in order, whatever the chunk size.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../../scanner/read/file-chunks.ts';
import { tempFileWith, tempFolder } from '../support/temp-folder.ts';

/** Each chunk copied as it comes (the next one overwrites it), with the buffer it was a view of. */
async function readAll(path: string, options: { chunkBytes?: number }) {
  const copies: Buffer[] = [];
  const backing = new Set<ArrayBufferLike>();
  for await (const chunk of fileChunks(path, options)) {
    copies.push(Buffer.from(chunk));
    backing.add(chunk.buffer);
  }
  return { copies, backing };
}

describe('fileChunks', () => {
  const content = Buffer.from(Array.from({ length: 2_500 }, (_, i) => (i * 7) % 251));

  it('yields every byte once, in order, in chunks of the size asked, the last one shorter', async () => {
    const { copies } = await readAll(await tempFileWith(content), { chunkBytes: 1_000 });
    expect(copies.map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    expect(Buffer.concat(copies).equals(content)).toBe(true);
  });

  it('reads every chunk into the same memory', async () => {
    const { copies, backing } = await readAll(await tempFileWith(content), { chunkBytes: 1_000 });
    expect(copies).toHaveLength(3);
    expect(backing.size).toBe(1);
  });

  it('yields nothing for an empty file, and rejects for a missing one', async () => {
    expect((await readAll(await tempFileWith(Buffer.alloc(0)), {})).copies).toEqual([]);
    await expect(readAll(join(await tempFolder(), 'missing.csv'), {})).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
