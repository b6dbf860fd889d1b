/**
 * Report periods: a year (`2026`), a quarter (`2026-Q4`) or a month (`2026-03`), as Amsterdam
 * calendar dates. Pure.
 */
import { addDays, amsterdamDate, isSaneYear, startOfDayInstant } from '../calendar/index.ts';
import type { LocalDate } from '../calendar/types.ts';
import { fill, type Lang } from '../procedure/text.ts';
import { DEFAULT_TEXTS } from '../procedure/texts.ts';

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period {
  /** `2026`, `2026-Q4` or `2026-03`. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** First and last day, inclusive. */
  from: LocalDate;
  to: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function make(kind: PeriodKind, year: number, index: number): Period {
  if (kind === 'year') return { id: String(year), kind, year, from: `${year}-01-01`, to: `${year}-12-31` };
  if (kind === 'quarter') {
    const first = (index - 1) * 3 + 1;
    return { id: `${year}-Q${index}`, kind, year, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDayOfMonth(year, first + 2))}` };
  }
  return { id: `${year}-${pad(index)}`, kind, year, from: `${year}-${pad(index)}-01`, to: `${year}-${pad(index)}-${pad(lastDayOfMonth(year, index))}` };
}

/** The period an id names (in a sane year), or undefined when it names none. */
export function parsePeriod(id: string): Period | undefined {
  if (!isSaneYear(Number(id.slice(0, 4)))) return undefined;
  let m = /^(\d{4})$/.exec(id);
  if (m) return make('year', Number(m[1]), 1);
  m = /^(\d{4})-Q([1-4])$/i.exec(id);
  if (m) return make('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) return make('month', Number(m[1]), Number(m[2]));
  return undefined;
}

/** The period of a kind that holds a date. */
export function periodOf(date: LocalDate, kind: PeriodKind): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return make(kind, year, kind === 'year' ? 1 : kind === 'quarter' ? Math.ceil(month / 3) : month);
}

/** The period `n` periods before (n > 0) or after (n < 0) this one. */
export function shift(p: Period, n: number): Period {
  if (p.kind === 'year') return make('year', p.year - n, 1);
  const per = p.kind === 'quarter' ? 4 : 12;
  const index = p.kind === 'quarter' ? Number(p.id.slice(6)) : Number(p.id.slice(5));
  const absolute = p.year * per + (index - 1) - n;
  return make(p.kind, Math.floor(absolute / per), (absolute % per) + 1);
}

/** The `n` periods before this one, most recent first. */
export const previous = (p: Period, n: number): Period[] => Array.from({ length: n }, (_, i) => shift(p, i + 1));

/** The quarters of a year, or the months of a quarter. */
export function parts(p: Period): Period[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => make('quarter', p.year, q));
  if (p.kind === 'quarter') {
    const first = (Number(p.id.slice(6)) - 1) * 3 + 1;
    return [0, 1, 2].map((i) => make('month', p.year, first + i));
  }
  return [];
}

export const contains = (p: Period, date: LocalDate) => date >= p.from && date <= p.to;

/** The instant a period is over: 00:00 in Amsterdam on the day after its last day. */
export const endInstant = (p: Period) => startOfDayInstant(addDays(p.to, 1));

/** The last period of a kind that is over at `now`. */
export const lastCompleted = (now: string, kind: PeriodKind): Period => shift(periodOf(amsterdamDate(now), kind), 1);

/**
 * Periods of a kind that ended after `since` and by `now`, oldest first (at most `max`, the most
 * recent): what a periodic report still owes.
 */
export function endedBetween(since: string, now: string, kind: PeriodKind, max = 8): Period[] {
  const out: Period[] = [];
  for (let p = lastCompleted(now, kind); out.length < max && endInstant(p) > since; p = shift(p, 1)) out.unshift(p);
  return out;
}

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "4e kwartaal 2026" / "Q4 2026", "maart 2026", "2026". */
export function periodLabel(p: Period, lang: Lang): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') {
    const q = p.id.slice(6);
    return fill(DEFAULT_TEXTS['period.quarter'][lang], { quarter: q, year: p.year });
  }
  return `${MONTHS[lang][Number(p.id.slice(5)) - 1]} ${p.year}`;
}
