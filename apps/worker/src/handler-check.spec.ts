import { JOB_QUEUE, JobName, QueueName } from '@zs/queue';
import { assertEveryJobHandledOnce, findHandlerProblems, HandlerRegistryError } from './handler-check';

const catalogue = { heartbeat: 'system', 'send-reminder': 'reminders' };

describe('the handler check at worker boot', () => {
  it('accepts a catalogue whose every job has exactly one handler on its queue', () => {
    const handlers = [
      { job: 'heartbeat', queue: 'system', handler: 'SystemProcessor.heartbeat' },
      { job: 'send-reminder', queue: 'reminders', handler: 'RemindersProcessor.send' },
    ];
    expect(findHandlerProblems(catalogue, handlers)).toEqual([]);
    expect(() => assertEveryJobHandledOnce(catalogue, handlers)).not.toThrow();
  });

  it('refuses a catalogue with a job that has no handler, naming the job and its queue', () => {
    const handlers = [{ job: 'heartbeat', queue: 'system', handler: 'SystemProcessor.heartbeat' }];
    expect(() => assertEveryJobHandledOnce(catalogue, handlers)).toThrow(HandlerRegistryError);
    expect(() => assertEveryJobHandledOnce(catalogue, handlers)).toThrow(/refuses to start[\s\S]*job "send-reminder" has no handler.*queue "reminders"/);
  });

  it('refuses a job with two handlers, naming both', () => {
    const handlers = [
      { job: 'heartbeat', queue: 'system', handler: 'SystemProcessor.heartbeat' },
      { job: 'heartbeat', queue: 'system', handler: 'OtherProcessor.beat' },
      { job: 'send-reminder', queue: 'reminders', handler: 'RemindersProcessor.send' },
    ];
    expect(findHandlerProblems(catalogue, handlers)).toEqual(['job "heartbeat" has 2 handlers: SystemProcessor.heartbeat, OtherProcessor.beat']);
  });

  it('refuses a handler in a processor of another queue than the catalogue says', () => {
    const handlers = [
      { job: 'heartbeat', queue: 'reminders', handler: 'RemindersProcessor.heartbeat' },
      { job: 'send-reminder', queue: 'reminders', handler: 'RemindersProcessor.send' },
    ];
    expect(findHandlerProblems(catalogue, handlers)).toEqual([
      'RemindersProcessor.heartbeat handles "heartbeat" in a processor of queue "reminders", but the catalogue puts "heartbeat" on queue "system"',
    ]);
  });

  it('refuses a handler for a job the catalogue does not list', () => {
    const handlers = [
      { job: 'heartbeat', queue: 'system', handler: 'SystemProcessor.heartbeat' },
      { job: 'send-reminder', queue: 'reminders', handler: 'RemindersProcessor.send' },
      { job: 'retired-job', queue: 'system', handler: 'SystemProcessor.old' },
    ];
    expect(findHandlerProblems(catalogue, handlers)).toEqual(['SystemProcessor.old handles "retired-job", which the job catalogue does not list']);
  });

  it('holds for the real catalogue: every JobName has a queue', () => {
    expect(Object.keys(JOB_QUEUE).sort()).toEqual(Object.values(JobName).sort());
    for (const queue of Object.values(JOB_QUEUE)) expect(Object.values(QueueName)).toContain(queue);
  });
});
