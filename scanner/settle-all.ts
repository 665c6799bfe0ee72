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
