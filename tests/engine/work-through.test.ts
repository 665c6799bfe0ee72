// workThrough hands items to workers; after a failure it starts nothing new and waits for the work in flight.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { workThrough } from '../../scanner/settle-all.ts';

describe('workThrough', () => {
  it('gives every item to exactly one worker, in order, each worker taking the next when it is free', async () => {
    const taken: string[] = [];
    await workThrough([30, 5, 5, 5, 5], ['a', 'b'], async (ms, worker) => {
      taken.push(`${worker}:${ms}`);
      await sleep(ms);
    });
    expect(taken).toEqual(['a:30', 'b:5', 'b:5', 'b:5', 'b:5']);
  });

  it('after a failure starts no item, lets the item in flight finish, then passes the failure on', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = workThrough([1, 2, 3, 4, 5], ['a', 'b'], async (item) => {
      started.push(item);
      if (item === 2) throw new Error('item 2 failed');
      await sleep(30);
      finished.push(item);
    });
    await expect(run).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });
});
