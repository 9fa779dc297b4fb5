import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { Clock } from './clock';
import { Env, loadEnv } from './env';

/**
 * Loads `.env` (if present) into the environment through @nestjs/config, validates it with the `Env`
 * class at boot (the app refuses to start on a bad value, naming the variable), and provides the typed `Env`
 * and the `Clock`.
 */
@Global()
@Module({
  imports: [NestConfigModule.forRoot({ isGlobal: true, cache: true, validate: (raw) => ({ ...loadEnv(raw as Record<string, string>) }) })],
  providers: [{ provide: Env, useFactory: () => loadEnv(process.env) }, Clock],
  exports: [Env, Clock],
})
export class AppConfigModule {}
