// Concurrency helpers that never leave work running behind a failure: a DuckDB connection must not be closed (by the
// caller's clean-up) while another query on the same database is still running.

/** Promise.all that waits for every promise before passing on the first failure. */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(promises);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

/**
 * Hands the items out in order to the workers (a connection each, say), each taking the next item as soon as it is
 * done with one. After a failure no item is started; every worker finishes the one it has, then the failure is
 * passed on.
 */
export async function workThrough<Item, Worker>(
  items: readonly Item[],
  workers: readonly Worker[],
  task: (item: Item, worker: Worker) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  await settleAll(workers.map(async (worker) => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      await task(item, worker).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  }));
}

/**
 * Items that each belong to one lane (a worker each), every lane taking its own items in list order, the lanes side by
 * side. After a failure no lane starts an item later in the list than the failed one, yet items before it are still
 * done: the failure passed on is the earliest item's that failed, the one working through the list in order meets.
 */
export async function workThroughLanes<Item, Worker>(
  items: readonly Item[],
  lanes: readonly Worker[],
  laneOf: (item: Item) => number,
  task: (item: Item, worker: Worker, index: number) => Promise<void>,
): Promise<void> {
  let earliestFailed = Infinity;
  let failure: unknown;
  await Promise.all(lanes.map(async (worker, lane) => {
    for (const [index, item] of items.entries()) {
      if (index > earliestFailed) return;
      if (laneOf(item) !== lane) continue;
      try {
        await task(item, worker, index);
      } catch (error) {
        if (index < earliestFailed) [earliestFailed, failure] = [index, error];
        return;
      }
    }
  }));
  if (earliestFailed !== Infinity) throw failure;
}

/** A promise settled from outside (one task waiting for another's); its rejection counts as handled: the failing task reports it. */
export function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
