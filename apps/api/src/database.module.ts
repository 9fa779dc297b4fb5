import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '@zs/config';
import { dataSourceOptions, openDatabase } from '@zs/db';

/** TypeORM on the product's database: created if missing, ctype checked and migrated before anything serves. */
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
