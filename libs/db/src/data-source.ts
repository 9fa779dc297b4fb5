/**
 * Entry for the TypeORM CLI (`npm run migration:generate|run|revert`), which runs against the built code.
 * The application itself never uses this file; it calls `prepareDatabase`.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required for the migration commands (e.g. postgres://postgres@127.0.0.1:5432/zhaoshang)');

export default new DataSource(dataSourceOptions(url));
