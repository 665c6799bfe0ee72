// workThrough hands items to workers; after a failure it starts nothing new and waits for the work in flight.
// workThroughLanes gives each lane its own items in order; after a failure it still does the items before it.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { workThrough, workThroughLanes } from '../../scanner/settle-all.ts';

describe('workThrough', () => {
  it('gives every item to exactly one worker, in order, each worker taking the next when it is free', async () => {
    const taken: string[] = [];
    await workThrough([300, 5, 5, 5, 5], ['a', 'b'], async (ms, worker) => {
      taken.push(`${worker}:${ms}`);
      await sleep(ms);
    });
    expect(taken).toEqual(['a:300', 'b:5', 'b:5', 'b:5', 'b:5']);
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

describe('workThroughLanes', () => {
  const laneOf = (item: string) => (item.startsWith('x') ? 0 : 1);

  it('runs the lanes side by side, each taking its own items in list order', async () => {
    const events: string[] = [];
    await workThroughLanes(['x1', 'c1', 'c2', 'x2', 'c3'], ['xlsx', 'csv'], laneOf, async (item, lane, index) => {
      events.push(`${lane} starts ${item} (${index})`);
      await sleep(item === 'x1' ? 40 : 5);
      events.push(`${lane} ends ${item}`);
    });
    // The CSV lane works through all of its items while the first workbook is still being read.
    expect(events.indexOf('csv ends c3')).toBeLessThan(events.indexOf('xlsx ends x1'));
    expect(events.filter((e) => e.startsWith('xlsx starts'))).toEqual(['xlsx starts x1 (0)', 'xlsx starts x2 (3)']);
    expect(events.filter((e) => e.startsWith('csv starts'))).toEqual(['csv starts c1 (1)', 'csv starts c2 (2)', 'csv starts c3 (4)']);
  });

  it('passes on the failure of the earliest item that failed, after doing every item before it', async () => {
    const done: string[] = [];
    // c3 (index 4) fails at once; x1 and x2 (indexes 0 and 3) come before it and are still read, x2 failing too.
    const run = workThroughLanes(['x1', 'c1', 'c2', 'x2', 'c3', 'x3', 'c4'], ['xlsx', 'csv'], laneOf, async (item) => {
      if (item === 'c3') throw new Error('c3 failed');
      await sleep(item === 'x1' ? 40 : 5);
      if (item === 'x2') throw new Error('x2 failed');
      done.push(item);
    });
    await expect(run).rejects.toThrow('x2 failed');
    expect(done.sort()).toEqual(['c1', 'c2', 'x1']);
  });

  it('starts nothing that comes after a failed item', async () => {
    const started: string[] = [];
    const run = workThroughLanes(['x1', 'c1', 'x2', 'c2'], ['xlsx', 'csv'], laneOf, async (item) => {
      started.push(item);
      if (item === 'c1') throw new Error('c1 failed');
      await sleep(20);
    });
    await expect(run).rejects.toThrow('c1 failed');
    // x1 was under way when c1 failed and is finished; x2 and c2 come after c1 in the list and are never started.
    expect(started).toEqual(['x1', 'c1']);
  });
});
