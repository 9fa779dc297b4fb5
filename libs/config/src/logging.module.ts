import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { Env } from './env';

/**
 * Structured JSON logs (pino) at LOG_LEVEL for both processes; Authorization headers are never logged and
 * health probes are not logged at all. The worker writes synchronously: on SIGTERM Nest re-raises the signal
 * after closing, which would drop buffered lines (its shutdown messages among them); it logs little.
 */
@Module({})
export class AppLoggingModule {
  static forRoot(app: 'api' | 'worker'): DynamicModule {
    return {
      module: AppLoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            pinoHttp: [
              {
                level: env.LOG_LEVEL,
                base: { pid: process.pid, app },
                redact: ['req.headers.authorization', 'req.headers.cookie'],
                autoLogging: { ignore: (req) => /\/health(\?|$)/.test((req as { originalUrl?: string }).originalUrl ?? req.url ?? '') },
              },
              pino.destination({ dest: 1, sync: app === 'worker' }),
            ],
          }),
        }),
      ],
    };
  }
}
