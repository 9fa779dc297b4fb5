export * from './env';
export * from './config.module';
export * from './logging.module';
export * from './clock';
export * from './masked-url';
