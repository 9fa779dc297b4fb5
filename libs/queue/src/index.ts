export * from './job-catalogue';
export * from './queue-backend';
export * from './queue.module';
