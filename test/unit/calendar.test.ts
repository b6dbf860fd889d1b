import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  amsterdamDate,
  dayOfWeek,
  formatDate,
  HOLIDAYS,
  isWorkingDay,
  nonWorkingReason,
  startOfDayInstant,
  termEnd,
  termStart,
  type CalendarRules,
} from '../../shared/calendar/index.ts';

const wet: CalendarRules = { holidays: 'termijnenwet', closingDays: [], rollForward: true };
const pub: CalendarRules = { holidays: 'public', closingDays: [], rollForward: true };
const none: CalendarRules = { holidays: 'none', closingDays: [], rollForward: false };

describe('holiday table', () => {
  it.each([
    ['2025-01-01', 'Nieuwjaarsdag'],
    ['2025-04-18', 'Goede Vrijdag'],
    ['2025-04-20', 'Eerste Paasdag'],
    ['2025-04-21', 'Tweede Paasdag'],
    ['2025-04-26', 'Koningsdag'],
    ['2025-05-05', 'Bevrijdingsdag'],
    ['2025-05-29', 'Hemelvaartsdag'],
    ['2025-06-08', 'Eerste Pinksterdag'],
    ['2025-06-09', 'Tweede Pinksterdag'],
    ['2025-12-25', 'Eerste Kerstdag'],
    ['2025-12-26', 'Tweede Kerstdag'],
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-03', 'Goede Vrijdag'],
    ['2026-04-05', 'Eerste Paasdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-05', 'Bevrijdingsdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-24', 'Eerste Pinksterdag'],
    ['2026-05-25', 'Tweede Pinksterdag'],
    ['2026-12-25', 'Eerste Kerstdag'],
    ['2026-12-26', 'Tweede Kerstdag'],
  ])('termijnenwet %s is %s', (date, name) => {
    expect(HOLIDAYS.termijnenwet[date]).toBe(name);
  });

  it('has exactly the eleven termijnenwet days in 2025 and 2026', () => {
    for (const year of ['2025', '2026']) {
      expect(Object.keys(HOLIDAYS.termijnenwet).filter((d) => d.startsWith(year))).toHaveLength(11);
    }
  });

  it('puts Koningsdag on 26 April when 27 April is a Sunday', () => {
    expect(dayOfWeek('2025-04-27')).toBe(0);
    expect(HOLIDAYS.termijnenwet['2025-04-26']).toBe('Koningsdag');
    expect(HOLIDAYS.termijnenwet['2025-04-27']).toBeUndefined();
    expect(HOLIDAYS.public['2025-04-26']).toBe('Koningsdag');
    expect(HOLIDAYS.public['2025-04-27']).toBeUndefined();
    const onThe26th = Object.entries(HOLIDAYS.termijnenwet)
      .filter(([d, name]) => name === 'Koningsdag' && d.endsWith('-04-26'))
      .map(([d]) => d);
    expect(onThe26th).toEqual(['2025-04-26', '2031-04-26', '2036-04-26', '2042-04-26']);
  });

  it('has Goede Vrijdag and Bevrijdingsdag in termijnenwet only, 5 May every year', () => {
    for (let year = 2020; year <= 2045; year++) {
      expect(HOLIDAYS.termijnenwet[`${year}-05-05`]).toBe('Bevrijdingsdag');
      expect(HOLIDAYS.public[`${year}-05-05`]).toBeUndefined();
    }
    expect(HOLIDAYS.public['2025-04-18']).toBeUndefined();
    expect(HOLIDAYS.public['2026-04-03']).toBeUndefined();
    const goedeVrijdagen = Object.values(HOLIDAYS.termijnenwet).filter((n) => n === 'Goede Vrijdag');
    expect(goedeVrijdagen).toHaveLength(26);
    expect(Object.values(HOLIDAYS.public)).not.toContain('Goede Vrijdag');
  });
});

describe('nonWorkingReason / isWorkingDay', () => {
  it('names weekends, holidays and closing days', () => {
    const rules: CalendarRules = { ...wet, closingDays: ['2025-12-24', '2025-12-27'] };
    expect(nonWorkingReason('2025-12-22', rules)).toBeUndefined();
    expect(nonWorkingReason('2025-12-24', rules)).toBe('sluitingsdag');
    expect(nonWorkingReason('2025-12-26', rules)).toBe('Tweede Kerstdag');
    // A closing day on a Saturday is reported as the Saturday.
    expect(nonWorkingReason('2025-12-27', rules)).toBe('zaterdag');
    expect(nonWorkingReason('2025-12-28', rules)).toBe('zondag');
    // A holiday on a Sunday is reported by its name.
    expect(nonWorkingReason('2025-04-20', rules)).toBe('Eerste Paasdag');
    expect(isWorkingDay('2025-12-22', rules)).toBe(true);
    expect(isWorkingDay('2025-12-24', rules)).toBe(false);
  });

  it('distinguishes the sets on Goede Vrijdag and Bevrijdingsdag', () => {
    expect(nonWorkingReason('2025-04-18', wet)).toBe('Goede Vrijdag');
    expect(nonWorkingReason('2025-04-18', pub)).toBeUndefined();
    expect(nonWorkingReason('2026-05-05', wet)).toBe('Bevrijdingsdag');
    expect(nonWorkingReason('2026-05-05', pub)).toBeUndefined();
    expect(nonWorkingReason('2025-12-25', none)).toBeUndefined();
  });

  it('refuses dates outside the holiday table instead of guessing', () => {
    expect(() => nonWorkingReason('2019-12-31', wet)).toThrow(/2020–2045/);
    expect(() => nonWorkingReason('2046-01-02', pub)).toThrow(/2020–2045/);
    expect(() => addWorkingDays('2045-12-29', 2, wet)).toThrow(/2046-01-01/);
    expect(nonWorkingReason('2046-01-02', none)).toBeUndefined();
  });

  it('refuses malformed dates and rules', () => {
    expect(() => nonWorkingReason('2025-02-30', wet)).toThrow(/valid date/);
    expect(() => nonWorkingReason('2025-2-3', wet)).toThrow(/valid date/);
    expect(() => isWorkingDay('2025-02-03', { ...wet, closingDays: ['3-2-2025'] })).toThrow(/valid date/);
    expect(() => addWorkingDays('2025-02-03', -1, wet)).toThrow();
    expect(() => addWorkingDays('2025-02-03', 1.5, wet)).toThrow();
  });
});

describe('addWorkingDays', () => {
  it.each([
    // [from, n, set, expected]
    ['2025-12-24', 1, wet, '2025-12-29'], // Christmas + weekend
    ['2025-12-31', 1, wet, '2026-01-05'], // Nieuwjaarsdag, then Friday 2 January (set equal by decree)
    ['2025-12-31', 1, pub, '2026-01-02'],
    ['2025-12-22', 6, wet, '2026-01-05'],
    ['2025-12-22', 7, wet, '2026-01-06'], // 23, 24, 29, 30, 31 Dec, 5, 6 Jan
    ['2025-04-17', 1, wet, '2025-04-22'], // Goede Vrijdag, weekend, Tweede Paasdag
    ['2025-04-17', 1, pub, '2025-04-18'],
    ['2025-04-18', 1, pub, '2025-04-22'],
    ['2026-04-02', 1, wet, '2026-04-07'],
    ['2026-04-02', 1, pub, '2026-04-03'],
    ['2025-05-28', 1, wet, '2025-06-02'], // Hemelvaartsdag, then Friday 30 May (set equal by decree)
    ['2025-05-28', 1, pub, '2025-05-30'],
    ['2025-06-06', 1, wet, '2025-06-10'], // Tweede Pinksterdag 2025
    ['2026-05-22', 1, wet, '2026-05-26'], // Tweede Pinksterdag 2026
    ['2026-04-24', 1, wet, '2026-04-28'], // weekend + Koningsdag Monday 27 April
    ['2026-05-04', 1, wet, '2026-05-06'], // Bevrijdingsdag Tuesday
    ['2026-05-04', 1, pub, '2026-05-05'],
    ['2025-12-24', 1, none, '2025-12-25'],
    ['2025-12-27', 0, wet, '2025-12-27'],
  ] as const)('%s + %i working days (%o) = %s', (from, n, rules, expected) => {
    expect(addWorkingDays(from, n, rules)).toBe(expected);
  });

  it('skips organisation closing days', () => {
    const rules: CalendarRules = { ...wet, closingDays: ['2025-12-29', '2025-12-30', '2025-12-31'] };
    expect(addWorkingDays('2025-12-23', 2, rules)).toBe('2026-01-05');
    expect(addWorkingDays('2025-12-23', 3, rules)).toBe('2026-01-06');
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
  ] as const)('addMonths(%s, %i) = %s', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
  });

  it('adds days across month, year and leap day', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-12-12')).toBe(5);
    expect(dayOfWeek('2025-12-28')).toBe(0);
    expect(dayOfWeek('2026-04-27')).toBe(1);
  });
});

describe('Europe/Amsterdam and daylight saving', () => {
  it.each([
    ['2026-03-28', '2026-03-27T23:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // clocks go forward at 02:00 this day
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // clocks go back at 03:00 this day
    ['2026-10-26', '2026-10-25T23:00:00.000Z'],
    ['2025-07-01', '2025-06-30T22:00:00.000Z'],
    ['2026-01-01', '2025-12-31T23:00:00.000Z'],
  ])('startOfDayInstant(%s) = %s', (date, instant) => {
    expect(startOfDayInstant(date)).toBe(instant);
  });

  it.each([
    ['2026-03-28T22:59:59.999Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29'], // the switch itself: 03:00 CEST
    ['2026-03-29T21:59:59.999Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    ['2026-10-24T21:59:59.999Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T22:59:59.999Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    ['2025-12-31T23:30:00+00:00', '2026-01-01'],
    ['2026-03-29T00:30:00+01:00', '2026-03-29'],
  ])('amsterdamDate(%s) = %s', (instant, date) => {
    expect(amsterdamDate(instant)).toBe(date);
    expect(termStart(instant)).toBe(date);
  });

  it('accepts a Date and refuses an instant without a zone', () => {
    expect(amsterdamDate(new Date('2026-03-28T23:00:00.000Z'))).toBe('2026-03-29');
    expect(() => amsterdamDate('2026-03-28T23:00:00')).toThrow(/zone/);
    expect(() => amsterdamDate(new Date('nonsense'))).toThrow(/Invalid/);
  });

  it('ends a term at Amsterdam midnight right after the spring change', () => {
    const rules: CalendarRules = { ...none };
    // 22 March + 1 week = Sunday 29 March 2026, the day the clocks go forward.
    expect(termEnd('2026-03-22', { amount: 1, unit: 'weeks' }, rules)).toEqual({
      lastDay: '2026-03-29',
      dueAt: '2026-03-29T22:00:00.000Z',
    });
    expect(termEnd('2026-03-21', { amount: 1, unit: 'weeks' }, rules).dueAt).toBe('2026-03-28T23:00:00.000Z');
  });

  it('ends a term at Amsterdam midnight right after the autumn change', () => {
    expect(termEnd('2026-10-18', { amount: 7, unit: 'days' }, none)).toEqual({
      lastDay: '2026-10-25',
      dueAt: '2026-10-25T23:00:00.000Z',
    });
    // Rolled forward from Sunday 25 October to Monday 26 October.
    expect(termEnd('2026-10-18', { amount: 7, unit: 'days' }, wet).dueAt).toBe('2026-10-26T23:00:00.000Z');
  });
});

describe('termEnd', () => {
  it('rolls a term ending on Tweede Kerstdag forward to the next working day', () => {
    expect(termEnd('2025-12-12', { amount: 2, unit: 'weeks' }, wet)).toEqual({
      lastDay: '2025-12-29',
      dueAt: '2025-12-29T23:00:00.000Z',
      moved: {
        from: '2025-12-26',
        skipped: [
          { date: '2025-12-26', reason: 'Tweede Kerstdag' },
          { date: '2025-12-27', reason: 'zaterdag' },
          { date: '2025-12-28', reason: 'zondag' },
        ],
      },
    });
  });

  it('keeps the term on Tweede Kerstdag without roll-forward', () => {
    expect(termEnd('2025-12-12', { amount: 2, unit: 'weeks' }, { ...wet, rollForward: false })).toEqual({
      lastDay: '2025-12-26',
      dueAt: '2025-12-26T23:00:00.000Z',
    });
  });

  it.each([
    ['2025-12-22', { amount: 7, unit: 'workingDays' }, '2026-01-06'],
    ['2025-12-01', { amount: 6, unit: 'weeks' }, '2026-01-12'],
    ['2025-12-29', { amount: 2, unit: 'weeks' }, '2026-01-12'],
    ['2025-11-25', { amount: 30, unit: 'days' }, '2025-12-29'], // 25 Dec, Eerste Kerstdag
    ['2026-01-31', { amount: 1, unit: 'months' }, '2026-03-02'], // 28 Feb 2026 is a Saturday
    ['2028-01-31', { amount: 1, unit: 'months' }, '2028-02-29'],
    ['2026-03-31', { amount: 1, unit: 'months' }, '2026-04-30'],
    ['2024-02-29', { amount: 1, unit: 'years' }, '2025-02-28'],
    ['2026-03-27', { amount: 1, unit: 'months' }, '2026-04-28'], // 27 April 2026 is Koningsdag
  ] as const)('termEnd(%s, %o) = %s', (start, duration, lastDay) => {
    expect(termEnd(start, duration, wet).lastDay).toBe(lastDay);
  });

  it('does not count the day of receipt', () => {
    expect(termEnd('2025-12-01', { amount: 1, unit: 'days' }, none).lastDay).toBe('2025-12-02');
    expect(termEnd('2025-12-01', { amount: 1, unit: 'workingDays' }, wet).lastDay).toBe('2025-12-02');
    expect(termEnd('2025-12-05', { amount: 1, unit: 'workingDays' }, wet).lastDay).toBe('2025-12-08');
  });

  it('refuses a bad duration', () => {
    expect(() => termEnd('2025-12-01', { amount: -1, unit: 'days' }, wet)).toThrow();
    expect(() => termEnd('2025-12-01', { amount: 1.5, unit: 'weeks' }, wet)).toThrow();
    expect(() => termEnd('2025-12-01', { amount: 1, unit: 'fortnights' as 'weeks' }, wet)).toThrow(/unit/);
  });
});

describe('formatDate', () => {
  it('writes dates in Dutch and English', () => {
    expect(formatDate('2025-12-12', 'nl')).toBe('vrijdag 12 december 2025');
    expect(formatDate('2025-12-12', 'en')).toBe('Friday 12 December 2025');
    expect(formatDate('2026-03-29', 'nl')).toBe('zondag 29 maart 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('Thursday 1 January 2026');
  });
});

describe('Algemene termijnenwet art. 2: a term of three days or more holds two working days', () => {
  const rules = { holidays: 'termijnenwet' as const, closingDays: [], rollForward: true };

  it('extends a 3-day term over Easter that would hold only one working day', () => {
    // Thursday 17 April 2025 + 3 days = Sunday 20 April (Eerste Paasdag); rolled to Tuesday 22 April,
    // the term holds one working day (22 April: 18 April is Goede Vrijdag, 21 April Tweede Paasdag).
    const end = termEnd('2025-04-17', { amount: 3, unit: 'days' }, rules);
    expect(end.lastDay).toBe('2025-04-23');
    expect(end.moved!.skipped.at(-1)).toEqual({ date: '2025-04-22', reason: 'minimaal twee werkdagen (Algemene termijnenwet art. 2)' });
  });

  it('leaves terms that already hold two working days, short terms, and terms without roll-forward', () => {
    expect(termEnd('2025-04-14', { amount: 3, unit: 'days' }, rules).lastDay).toBe('2025-04-17');
    expect(termEnd('2025-04-17', { amount: 2, unit: 'days' }, rules).lastDay).toBe('2025-04-22');
    expect(termEnd('2025-04-17', { amount: 3, unit: 'days' }, { ...rules, rollForward: false }).lastDay).toBe('2025-04-20');
  });
});
