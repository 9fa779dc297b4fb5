/**
 * The boot-time check of the job catalogue against the processors' handlers (pure: no Nest, no I/O).
 * Every job of the catalogue must have exactly one handler, in a processor of the queue the catalogue puts
 * it on; a handler for a job the catalogue does not list is an error too.
 */
export interface DiscoveredHandler {
  job: string;
  /** The queue of the processor the handler sits in (its `@Processor(…)`). */
  queue: string | undefined;
  /** `Class.method`, for the message. */
  handler: string;
}

export function findHandlerProblems(catalogue: Readonly<Record<string, string>>, handlers: readonly DiscoveredHandler[]): string[] {
  const problems: string[] = [];
  for (const [job, queue] of Object.entries(catalogue)) {
    const mine = handlers.filter((h) => h.job === job);
    if (mine.length === 0) problems.push(`job "${job}" has no handler (add @HandlesJob(JobName…) to a processor of queue "${queue}")`);
    if (mine.length > 1) problems.push(`job "${job}" has ${mine.length} handlers: ${mine.map((h) => h.handler).join(', ')}`);
    for (const h of mine) {
      if (h.queue !== queue) {
        problems.push(`${h.handler} handles "${job}" in a processor of queue "${h.queue ?? '?'}", but the catalogue puts "${job}" on queue "${queue}"`);
      }
    }
  }
  for (const h of handlers) {
    if (!Object.prototype.hasOwnProperty.call(catalogue, h.job)) problems.push(`${h.handler} handles "${h.job}", which the job catalogue does not list`);
  }
  return problems;
}

export class HandlerRegistryError extends Error {}

/** Throws, listing every problem, unless each job of the catalogue has exactly one handler on its queue. */
export function assertEveryJobHandledOnce(catalogue: Readonly<Record<string, string>>, handlers: readonly DiscoveredHandler[]): void {
  const problems = findHandlerProblems(catalogue, handlers);
  if (problems.length) {
    throw new HandlerRegistryError(
      `工作进程拒绝启动 (the worker refuses to start): the job handlers do not match the job catalogue ` +
        `(libs/queue/src/job-catalogue.ts):\n  - ${problems.join('\n  - ')}`,
    );
  }
}
