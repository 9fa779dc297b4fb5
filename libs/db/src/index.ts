export * from './entities';
export * from './data-source-options';
export * from './prepare-database';
export * from './snake-naming.strategy';
export * from './embedded-postgres';
export * from './database.module';
