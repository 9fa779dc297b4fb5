import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { loadWorkCalendar } from '@zs/db';
import { toZonedDate, validationError, WorkCalendar } from '@zs/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import type { CalendarDayDto, ReplaceCalendarDto } from './dto/calendar.dto';
import type { CalendarWarningView, CalendarYearView } from './calendar.view';

const EMPTY_CALENDAR = new WorkCalendar();

/**
 * The working-day calendar: China's statutory holidays and 调休 days (the `chinese-days` package) with the
 * admin's overrides on top. Every working-day count of the product (lead screening, reminders) reads it.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  /** The calendar with the admin's overrides, as of now. */
  calendar(): Promise<WorkCalendar> {
    return loadWorkCalendar(this.db);
  }

  async year(year?: number): Promise<CalendarYearView> {
    const target = year ?? this.currentYear();
    const calendar = await this.calendar();
    const days = calendar.specialDays(target);
    const hasOfficialData = calendar.hasOfficialData(target);
    return {
      year: target,
      hasOfficialData,
      packageData: EMPTY_CALENDAR.hasOfficialData(target),
      overrideCount: days.filter((d) => d.source === 'override').length,
      warning: hasOfficialData ? null : missingYearMessage(target),
      days,
    };
  }

  /** Admins: replaces the year's overrides with this arrangement (both lists empty: back to the package's data). */
  async replace(actor: Actor, year: number, dto: ReplaceCalendarDto): Promise<CalendarYearView> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw validationError('year', 'year 须为 2000–2100 的年份');
    const seen = new Map<string, string>();
    const rows: { date: string; kind: 'holiday' | 'workday'; name: string | null }[] = [];
    const take = (list: CalendarDayDto[], kind: 'holiday' | 'workday', field: string) =>
      list.forEach((day, i) => {
        const where = `${field}[${i}].date`;
        if (!day.date.startsWith(`${year}-`)) throw validationError(where, `${day.date} 不在 ${year} 年 (not in ${year})`);
        const earlier = seen.get(day.date);
        if (earlier) throw validationError(where, `${day.date} 与 ${earlier} 重复 (the same date twice)`);
        seen.set(day.date, where);
        rows.push({ date: day.date, kind, name: day.name?.trim() || null });
      });
    take(dto.holidays, 'holiday', 'holidays');
    take(dto.workdays, 'workday', 'workdays');
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM calendar_overrides WHERE date >= $1::date AND date <= $2::date`, [`${year}-01-01`, `${year}-12-31`]);
      if (rows.length) {
        await tx.query(
          `INSERT INTO calendar_overrides (date, kind, name, created_by_id)
           SELECT d, k, n, $4 FROM unnest($1::date[], $2::varchar[], $3::varchar[]) AS r(d, k, n)`,
          [rows.map((r) => r.date), rows.map((r) => r.kind), rows.map((r) => r.name), actor.id],
        );
      }
    });
    return this.year(year);
  }

  /**
   * The years whose working days are being counted now without official data: this year, and from
   * November (when the State Council publishes it) the next one.
   */
  async warnings(): Promise<CalendarWarningView[]> {
    const calendar = await this.calendar();
    const today = toZonedDate(this.clock.now(), this.env.TZ_PARK);
    const year = Number(today.slice(0, 4));
    const years = Number(today.slice(5, 7)) >= 11 ? [year, year + 1] : [year];
    return years.filter((y) => !calendar.hasOfficialData(y)).map((y) => ({ year: y, message: missingYearMessage(y) }));
  }

  private currentYear(): number {
    return Number(toZonedDate(this.clock.now(), this.env.TZ_PARK).slice(0, 4));
  }
}

function missingYearMessage(year: number): string {
  return `${year} 年尚无国务院节假日安排数据：工作日暂按周一至周五计算，节假日和调休不会被计入。请管理员在工作日历中录入 ${year} 年的放假和调休安排 (no official holiday data for ${year}: Monday–Friday are counted as working days until an admin enters the arrangement)`;
}

