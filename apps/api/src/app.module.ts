import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfigModule, AppLoggingModule } from '@zs/config';
import { DatabaseModule } from '@zs/db';
import { QueueModule } from '@zs/queue';
import { AuthModule } from './auth/auth.module';
import { ErrorResponseFilter } from './common/error-response.filter';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { HealthModule } from './health/health.module';
import { ProjectsModule } from './projects/projects.module';
import { VisitsModule } from './visits/visits.module';
import { AgreementsModule } from './agreements/agreements.module';
import { MilestonesModule } from './milestones/milestones.module';
import { BlockersModule } from './blockers/blockers.module';
import { FundsModule } from './funds/funds.module';
import { TasksModule } from './tasks/tasks.module';
import { ParksModule } from './parks/parks.module';
import { DictionariesModule } from './dictionaries/dictionaries.module';
import { CompaniesModule } from './companies/companies.module';
import { LeadsModule } from './leads/leads.module';
import { SetupModule } from './setup/setup.module';
import { UsersModule } from './users/users.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { ReportsModule } from './reports/reports.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { ChannelSettingsModule } from './channel-settings/channel-settings.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RemindersModule } from './reminders/reminders.module';
import { CalendarModule } from './calendar/calendar.module';

@Module({
  imports: [
    AppConfigModule,
    AppLoggingModule.forRoot('api'),
    DatabaseModule,
    QueueModule.forRoot('producer'),
    AuthModule,
    UsersModule,
    ProjectsModule,
    VisitsModule,
    AgreementsModule,
    MilestonesModule,
    BlockersModule,
    FundsModule,
    TasksModule,
    ParksModule,
    DictionariesModule,
    CompaniesModule,
    LeadsModule,
    HealthModule,
    SetupModule,
    AnalyticsModule,
    ReportsModule,
    ExportsModule,
    ImportsModule,
    ChannelSettingsModule,
    QueueDashboardModule,
    NotificationsModule,
    RemindersModule,
    CalendarModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ErrorResponseFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
