import { describe, it, expect } from 'vitest';
import { DECREED_DAYS } from '../../shared/calendar/decreed-days.ts';
import { HOLIDAYS, HOLIDAY_YEARS } from '../../shared/calendar/holidays.generated.ts';
import { dayOfWeek, isWorkingDay, nonWorkingReason, termEnd } from '../../shared/calendar/calendar.ts';
import type { CalendarRules } from '../../shared/calendar/types.ts';
import { parseProcedure } from '../../shared/procedure/load.ts';
import { readFileSync } from 'node:fs';

const wet: CalendarRules = { holidays: 'termijnenwet', closingDays: [], rollForward: true };

describe('days set equal to holidays by decree (Algemene termijnenwet art. 3 lid 3)', () => {
  it('a term does not end on a decreed day: two weeks from Friday 1 May 2026 end on Monday 18 May, not on Friday 15 May', () => {
    const end = termEnd('2026-05-01', { amount: 2, unit: 'weeks' }, wet);
    expect(end.lastDay).toBe('2026-05-18');
    expect(end.moved?.skipped.map((s) => s.date)).toEqual(['2026-05-15', '2026-05-16', '2026-05-17']);
    expect(nonWorkingReason('2026-05-15', wet)).toMatch(/gelijkgesteld/);
  });

  it('counts every decreed day as a non-working day in the termijnenwet set, and not in the public set', () => {
    for (const d of DECREED_DAYS) {
      expect(isWorkingDay(d.date, wet), d.date).toBe(false);
      expect(isWorkingDay(d.date, { ...wet, holidays: 'public' }), d.date).toBe(true);
    }
  });

  it('each decreed day names its decree, falls on a weekday inside the holiday table, and is not already a holiday', () => {
    expect(DECREED_DAYS.length).toBeGreaterThanOrEqual(10);
    const dates = DECREED_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const d of DECREED_DAYS) {
      expect(d.decree, d.date).toMatch(/^Besluit /);
      expect(d.decree, d.date).toContain(String(Number(d.date.slice(8, 10))));
      expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(d.date));
      expect(HOLIDAYS.termijnenwet[d.date], d.date).toBeUndefined();
      const year = Number(d.date.slice(0, 4));
      if (year >= HOLIDAY_YEARS.from) expect(year).toBeLessThanOrEqual(HOLIDAY_YEARS.to);
    }
  });

  it('lets the procedure file add a decreed day that this release does not know yet', () => {
    const yaml = readFileSync('procedures/hss.yaml', 'utf8').replace(
      'rollForward: true',
      'rollForward: true\n  decreedDays:\n    - date: "2029-05-11"\n      decree: "Besluit gelijkstelling van 11 mei 2029 (voorbeeld)"',
    );
    const p = parseProcedure(yaml, 'hss.yaml').procedure;
    expect(isWorkingDay('2029-05-11', p.calendar)).toBe(false);
    expect(nonWorkingReason('2029-05-11', p.calendar)).toMatch(/gelijkgesteld/);
  });
});
