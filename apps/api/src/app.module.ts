import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfigModule } from '@zs/config';
import { QueueModule } from '@zs/queue';
import { AuthModule } from './auth/auth.module';
import { ErrorResponseFilter } from './common/error-response.filter';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { DatabaseModule } from './database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging.module';
import { SetupModule } from './setup/setup.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule.forRoot('producer'),
    AuthModule,
    UsersModule,
    HealthModule,
    SetupModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ErrorResponseFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
