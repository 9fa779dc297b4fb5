import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@zs/queue';

const JOB_HANDLERS = Symbol('zs:job-handlers');
/** Where @nestjs/bullmq's `@Processor()` keeps its options (bull.constants.js; not exported by the package). */
const BULLMQ_PROCESSOR_METADATA = 'bullmq:processor_metadata';

export interface JobHandlerEntry {
  job: JobName;
  /** The processor method that handles it. */
  method: string;
}

type Handler<J extends JobName, R> = (job: Job<JobPayloads[J]>) => Promise<R>;

/**
 * Marks a processor method as THE handler of one job of the catalogue. The handler registry checks at boot
 * that every job has exactly one handler, on the queue the catalogue puts it on.
 */
export function HandlesJob<J extends JobName>(job: J) {
  return <R>(target: object, method: string | symbol, _descriptor: TypedPropertyDescriptor<Handler<J, R>>): void => {
    const ctor = target.constructor;
    const own: JobHandlerEntry[] = Reflect.getOwnMetadata(JOB_HANDLERS, ctor) ?? [...jobHandlersOf(ctor)];
    own.push({ job, method: String(method) });
    Reflect.defineMetadata(JOB_HANDLERS, own, ctor);
  };
}

/** The jobs a processor class handles, from its `@HandlesJob` methods (inherited ones included). */
export function jobHandlersOf(processorClass: Function): readonly JobHandlerEntry[] {
  return (Reflect.getMetadata(JOB_HANDLERS, processorClass) as JobHandlerEntry[] | undefined) ?? [];
}

/** The queue named in a class's `@Processor(…)`, or undefined. */
export function processorQueueOf(processorClass: Function): string | undefined {
  const options = Reflect.getMetadata(BULLMQ_PROCESSOR_METADATA, processorClass) as { name?: string } | undefined;
  return options?.name;
}
