// @zs/domain: the pure domain rules, shared by the API and the worker. No I/O, no Nest, no TypeORM.
export * from './credit-code';
export * from './dates';
export * from './domain-error';
export * from './duplicates';
export * from './enums';
export * from './labels';
export * from './money';
export * from './permit-chain';
export * from './project-access';
export * from './project-code';
export * from './stage-machine';
export * from './stages';
export * from './working-days';
