/** Working days and complaint-procedure terms. Pure: no I/O, no clock. */
import { DECREED_DAYS, DECREED_REASON } from './decreed-days.ts';
import { HOLIDAYS, HOLIDAY_YEARS } from './holidays.generated.ts';
import { addDays, addMonths, amsterdamDate, assertLocalDate, dayOfWeek, startOfDayInstant } from './local-date.ts';
import type { CalendarRules, Duration, LocalDate, TermEnd } from './types.ts';
import { HOLIDAY_SETS, TERM_UNITS } from './types.ts';

export { addDays, addMonths, amsterdamDate, dayOfWeek, formatDate, startOfDayInstant } from './local-date.ts';

function checkRules(rules: CalendarRules): void {
  if (!HOLIDAY_SETS.includes(rules.holidays)) throw new Error(`Unknown holiday set: ${String(rules.holidays)}`);
  // A malformed closing day would silently never match.
  for (const d of rules.closingDays) assertLocalDate(d);
  for (const d of rules.decreedDays ?? []) assertLocalDate(d.date);
}

const BUILT_IN_DECREED = new Set(DECREED_DAYS.map((d) => d.date));

function isDecreed(date: LocalDate, rules: CalendarRules): boolean {
  if (rules.holidays !== 'termijnenwet') return false;
  return BUILT_IN_DECREED.has(date) || (rules.decreedDays?.some((d) => d.date === date) ?? false);
}

function holidayName(date: LocalDate, rules: CalendarRules): string | undefined {
  if (rules.holidays === 'none') return undefined;
  const year = Number(date.slice(0, 4));
  if (year < HOLIDAY_YEARS.from || year > HOLIDAY_YEARS.to) {
    throw new Error(
      `No holiday data for ${date}: the table covers ${HOLIDAY_YEARS.from}–${HOLIDAY_YEARS.to}; extend scripts/generate-holidays.ts and run npm run holidays`,
    );
  }
  return HOLIDAYS[rules.holidays][date] ?? (isDecreed(date, rules) ? DECREED_REASON : undefined);
}

/**
 * Why `date` is not a working day, or undefined when it is. A holiday's name wins over the weekday
 * (Eerste Paasdag is always a Sunday), and the weekday over an organisation closing day.
 */
export function nonWorkingReason(date: LocalDate, rules: CalendarRules): string | undefined {
  assertLocalDate(date);
  checkRules(rules);
  return reason(date, rules);
}

function reason(date: LocalDate, rules: CalendarRules): string | undefined {
  const holiday = holidayName(date, rules);
  if (holiday !== undefined) return holiday;
  const dow = dayOfWeek(date);
  if (dow === 6) return 'zaterdag';
  if (dow === 0) return 'zondag';
  if (rules.closingDays.includes(date)) return 'sluitingsdag';
  return undefined;
}

export function isWorkingDay(date: LocalDate, rules: CalendarRules): boolean {
  return nonWorkingReason(date, rules) === undefined;
}

/** The n-th working day after `date` (n = 0: `date` itself, working day or not). */
export function addWorkingDays(date: LocalDate, n: number, rules: CalendarRules): LocalDate {
  assertLocalDate(date);
  checkRules(rules);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (reason(day, rules) === undefined) left--;
  }
  return day;
}

/**
 * End of a term that starts on the day after `start` (the Awb does not count the day of receipt).
 * The term has passed at `dueAt`: the end of `lastDay` in Amsterdam.
 */
export function termEnd(start: LocalDate, duration: Duration, rules: CalendarRules): TermEnd {
  assertLocalDate(start);
  checkRules(rules);
  const { amount, unit } = duration;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`Term amount must be a whole number ≥ 0, got ${amount}`);
  if (!TERM_UNITS.includes(unit)) throw new Error(`Unknown term unit: ${String(unit)}`);

  const unmoved =
    unit === 'days' ? addDays(start, amount)
    : unit === 'weeks' ? addDays(start, 7 * amount)
    : unit === 'months' ? addMonths(start, amount)
    : unit === 'years' ? addMonths(start, 12 * amount)
    : addWorkingDays(start, amount, rules);

  let lastDay = unmoved;
  const skipped: { date: LocalDate; reason: string }[] = [];
  if (rules.rollForward) {
    for (let why = reason(lastDay, rules); why !== undefined; why = reason(lastDay, rules)) {
      skipped.push({ date: lastDay, reason: why });
      lastDay = addDays(lastDay, 1);
    }
    // Algemene termijnenwet art. 2: a term of three days or more holds at least two working days
    // (a 3-day term from Thursday before Easter would otherwise hold one). Working-day terms do already.
    if (unit !== 'workingDays' && unmoved >= addDays(start, 3)) {
      while (workingDaysBetween(start, lastDay, rules, 2) < 2) {
        skipped.push({ date: lastDay, reason: ART2 });
        lastDay = addDays(lastDay, 1);
        for (let why = reason(lastDay, rules); why !== undefined; why = reason(lastDay, rules)) {
          skipped.push({ date: lastDay, reason: why });
          lastDay = addDays(lastDay, 1);
        }
      }
    }
  }
  const end: TermEnd = { lastDay, dueAt: startOfDayInstant(addDays(lastDay, 1)) };
  if (skipped.length > 0) end.moved = { from: unmoved, skipped };
  return end;
}

/** Why a last day moved past a working day: the law's minimum of two working days. */
export const ART2 = 'minimaal twee werkdagen (Algemene termijnenwet art. 2)';

/** Working days in (from, to]. */
/** Working days after `from` up to and including `to`, counted up to `enough` (a six-week term need not be walked to find two). */
function workingDaysBetween(from: LocalDate, to: LocalDate, rules: CalendarRules, enough = Infinity): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to && n < enough; d = addDays(d, 1)) if (reason(d, rules) === undefined) n++;
  return n;
}

/** The date a term is counted from: the Amsterdam date on which something was received. */
export function termStart(instant: string | Date): LocalDate {
  return amsterdamDate(instant);
}
