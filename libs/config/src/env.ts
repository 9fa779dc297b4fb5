import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export const DEFAULT_ADMIN_USERNAME = 'admin';
export const DEFAULT_ADMIN_PASSWORD = 'zhaoshang-admin';
export const DEV_JWT_SECRET = 'zhaoshang-dev-secret-change-me';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Every environment variable the product reads. `.env.example` documents each of them. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() HOST = '0.0.0.0';

  /** postgres://… ; absent → the launcher starts an embedded PostgreSQL under DATA_DIR. */
  @IsOptional() @IsString() DATABASE_URL?: string;

  /** redis://… ; absent → BullMQ runs on its PostgreSQL backend (schema `bullmq`). */
  @IsOptional() @IsString() REDIS_URL?: string;

  /** BullMQ key prefix on Redis (default BullMQ's `bull`): several installations can share one Redis. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_.-]{1,64}$/) QUEUE_PREFIX?: string;

  @IsString() DATA_DIR = './.data';

  @IsOptional() @IsString() @MinLength(16) JWT_SECRET?: string;
  @IsString() JWT_EXPIRES_IN = '12h';

  @IsString() ADMIN_USERNAME = DEFAULT_ADMIN_USERNAME;
  @IsString() @MinLength(8) ADMIN_PASSWORD = DEFAULT_ADMIN_PASSWORD;

  @Transform(toBool) @IsBoolean() DEMO_DATA = true;

  /** The park's time zone: "today", periods and office hours are read in it. */
  @IsString() TZ_PARK = 'Asia/Shanghai';

  /** Public URL of the web UI, used in links sent by reminders. */
  @IsOptional() @IsString() PUBLIC_URL?: string;

  /** Office hours in TZ_PARK (`HH:MM-HH:MM`) on working days: email, robot messages and digests wait for them. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, { message: 'OFFICE_HOURS must look like 09:00-18:00' })
  OFFICE_HOURS = '09:00-18:00';

  /** smtp://user:pass@host:587 (smtps:// for TLS on connect); absent → the email channel is off. */
  @IsOptional() @IsString() SMTP_URL?: string;

  /**
   * Hosts robot webhooks may point at, comma-separated (`host`, `host:port`, or `*` for any); default: the
   * WeCom, DingTalk and Feishu webhook hosts. Keeps user-entered webhooks from reaching internal services.
   */
  @IsOptional() @IsString() ROBOT_WEBHOOK_HOSTS?: string;

  /** The From of reminder emails, e.g. `招商CRM <crm@example.gov.cn>`; default: the SMTP user. */
  @IsOptional() @IsString() MAIL_FROM?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Failed logins allowed per account / per address within LOGIN_WINDOW_SECONDS before 429. */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(1) LOGIN_WINDOW_SECONDS = 900;

  /** Working days an assigned lead has for screening (研判). */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt() @Min(1) LEAD_SCREENING_WORKING_DAYS = 3;
}

export class EnvError extends Error {}

/** Validates the environment once at boot; refuses unsafe production settings, naming the variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const env = plainToInstance(Env, stripEmpty(source), { exposeDefaultValues: true, excludeExtraneousValues: false });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  const hours = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(env.OFFICE_HOURS ?? '');
  if (hours && +hours[1] * 60 + +hours[2] >= +hours[3] * 60 + +hours[4]) problems.push('OFFICE_HOURS: the start must come before the end');
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production (at least 16 characters)');
    if (env.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD) {
      problems.push('ADMIN_PASSWORD: the default admin password is refused when NODE_ENV=production');
    }
  }
  if (problems.length) throw new EnvError(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  return env;
}

export function jwtSecret(env: Env): string {
  return env.JWT_SECRET ?? DEV_JWT_SECRET;
}

function stripEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const known = new Set(Object.keys(new Env()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (known.has(k) && v !== undefined && v !== '') out[k] = v;
  return out;
}
