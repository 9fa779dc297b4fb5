import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { Env } from '@zs/config';

/**
 * Structured JSON logs (pino) at LOG_LEVEL, like the API's; the worker serves no HTTP, so no request logging.
 * Written synchronously: on SIGTERM Nest re-raises the signal after closing, which would drop buffered lines
 * (the shutdown messages among them). A worker logs little, so sync writes cost nothing that matters.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        pinoHttp: [{ level: env.LOG_LEVEL, base: { pid: process.pid, app: 'worker' } }, pino.destination({ dest: 1, sync: true })],
      }),
    }),
  ],
})
export class LoggingModule {}
