import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { dataSourceOptions } from './data-source-options';
import { openDatabase } from './prepare-database';

/**
 * TypeORM on the product's database, shared by the API and the worker: created if missing, ctype checked and
 * migrated (under an advisory lock, so several processes starting at once migrate once) before anything serves.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => {
        if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required (npm start provides the embedded database)');
        return dataSourceOptions(env.DATABASE_URL);
      },
      dataSourceFactory: async (options) => openDatabase((options as { url: string }).url, { migrate: true }),
    }),
  ],
})
export class DatabaseModule {}
