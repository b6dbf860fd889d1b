import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWorkingDays,
  amsterdamDate,
  HOLIDAY_SETS,
  isWorkingDay,
  startOfDayInstant,
  termEnd,
  type CalendarRules,
  type Duration,
  type LocalDate,
} from '../../shared/calendar/index.ts';

const FIRST = '2020-01-01';
const DAYS_2020_TO_2044 = 9132; // 2020-01-01 … 2044-12-31

const date = fc.integer({ min: 0, max: DAYS_2020_TO_2044 - 1 }).map((i) => addDays(FIRST, i));

// Bounded so that every term, rolled forward, stays inside the holiday table (up to 2045).
const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({ unit: fc.constant('days' as const), amount: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ unit: fc.constant('weeks' as const), amount: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ unit: fc.constant('months' as const), amount: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ unit: fc.constant('years' as const), amount: fc.constant(1) }),
  fc.record({ unit: fc.constant('workingDays' as const), amount: fc.integer({ min: 1, max: 200 }) }),
);

const rules = (rollForward: boolean): fc.Arbitrary<CalendarRules> =>
  fc.record({
    holidays: fc.constantFrom(...HOLIDAY_SETS),
    closingDays: fc.array(date, { maxLength: 20 }),
    rollForward: fc.constant(rollForward),
  });

/** A yearly term from late December 2044 can roll into 2046, past the table: skip those. */
const inTable = (start: LocalDate, d: Duration) => !(d.unit === 'years' && start >= '2044-12-01');

describe('calendar properties', () => {
  it('with roll-forward, a term ends on a working day after its start, at Amsterdam midnight', () => {
    fc.assert(
      fc.property(date, duration, rules(true), (start, d, r) => {
        fc.pre(inTable(start, d));
        const end = termEnd(start, d, r);
        expect(isWorkingDay(end.lastDay, r)).toBe(true);
        expect(end.lastDay > start).toBe(true);
        expect(end.dueAt).toBe(startOfDayInstant(addDays(end.lastDay, 1)));
        expect(amsterdamDate(new Date(Date.parse(end.dueAt) - 1))).toBe(end.lastDay);
        expect(amsterdamDate(end.dueAt)).toBe(addDays(end.lastDay, 1));
        if (end.moved) {
          expect(end.moved.skipped[0]?.date).toBe(end.moved.from);
          expect(addDays(end.moved.from, end.moved.skipped.length)).toBe(end.lastDay);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('without roll-forward, only workingDays terms are moved onto working days', () => {
    fc.assert(
      fc.property(date, duration, rules(false), (start, d, r) => {
        fc.pre(inTable(start, d));
        const end = termEnd(start, d, r);
        expect(end.moved).toBeUndefined();
        if (d.unit === 'workingDays') expect(isWorkingDay(end.lastDay, r)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('addWorkingDays(d, n) has exactly n working days in (d, result], ending on one', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), rules(true), (start, n, r) => {
        const result = addWorkingDays(start, n, r);
        let count = 0;
        for (let day = addDays(start, 1); day <= result; day = addDays(day, 1)) if (isWorkingDay(day, r)) count++;
        expect(count).toBe(n);
        if (n > 0) expect(isWorkingDay(result, r)).toBe(true);
        else expect(result).toBe(start);
      }),
      { numRuns: 300 },
    );
  });

  it('termEnd is deterministic', () => {
    fc.assert(
      fc.property(date, duration, rules(true), (start, d, r) => {
        fc.pre(inTable(start, d));
        expect(termEnd(start, d, r)).toEqual(termEnd(start, d, structuredClone(r)));
      }),
      { numRuns: 200 },
    );
  });

  it('startOfDayInstant is 00:00 in Amsterdam: the instant before it is the previous day', () => {
    fc.assert(
      fc.property(date, (d) => {
        const ms = Date.parse(startOfDayInstant(d));
        expect(amsterdamDate(new Date(ms))).toBe(d);
        expect(amsterdamDate(new Date(ms - 1))).toBe(addDays(d, -1));
      }),
      { numRuns: 500 },
    );
  });
});
