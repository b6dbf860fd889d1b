/**
 * YYYY-MM-DD arithmetic and the Europe/Amsterdam time zone. All Date math here is UTC-based:
 * the process's local time zone (UTC in Lambda, anything on a laptop) must never leak in.
 */
import type { LocalDate } from './types.ts';

const ZONE = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;

/** One formatter per time zone: creating them is the slow part. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneParts = (timeZone: string) => {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    zoneFormatters.set(timeZone, f);
  }
  return f;
};

/** Milliseconds since the epoch of 00:00 UTC on `date`; throws on anything but a real YYYY-MM-DD date. */
function utcMidnight(date: LocalDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const d = new Date(0);
    // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (fromUtcMs(d.getTime()) === date) return d.getTime();
  }
  throw new Error(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function fromUtcMs(ms: number): LocalDate {
  const d = new Date(ms);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const da = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

/** Throws unless `date` is a valid YYYY-MM-DD calendar date. */
export function assertLocalDate(date: LocalDate): void {
  utcMidnight(date);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new Error(`addDays: not an integer: ${n}`);
  return fromUtcMs(utcMidnight(date) + n * DAY_MS);
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new Error(`addMonths: not an integer: ${n}`);
  const d = new Date(utcMidnight(date));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const lastOfMonth = new Date(d.getTime());
  lastOfMonth.setUTCMonth(lastOfMonth.getUTCMonth() + 1, 0);
  d.setUTCDate(Math.min(day, lastOfMonth.getUTCDate()));
  return fromUtcMs(d.getTime());
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

function toInstantMs(instant: string | Date): number {
  // A string without a zone would be parsed in the process's local zone: refuse it.
  if (typeof instant === 'string' && !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(instant)) {
    throw new Error(`Not an ISO instant with zone: ${JSON.stringify(instant)}`);
  }
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(ms)) throw new Error(`Invalid instant: ${String(instant)}`);
  return ms;
}

/**
 * Wall-clock time in a time zone at `ms`, expressed as if it were UTC. Asking Intl is most of the
 * cost of a term's dates, and a zone's offset seldom changes: it is asked once per quarter hour of
 * UTC, and kept when it is the same at the quarter's first and last second (no transition inside).
 */
function wallMs(ms: number, timeZone: string): number {
  const second = Math.floor(ms / 1000) * 1000;
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${timeZone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_MS;
    const first = askWallMs(start, timeZone) - start;
    const last = askWallMs(start + QUARTER_MS - 1000, timeZone) - (start + QUARTER_MS - 1000);
    if (first !== last) return askWallMs(ms, timeZone);
    offset = first;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return second + offset;
}
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();

function askWallMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of zoneParts(timeZone).formatToParts(ms)) p[part.type] = Number(part.value);
  const d = new Date(0);
  d.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  d.setUTCHours(p.hour!, p.minute!, p.second!);
  return d.getTime();
}

const amsterdamWallMs = (ms: number) => wallMs(ms, ZONE);

/** The wall-clock time of an instant in a time zone, as `yyyy-mm-ddThh:mm:ss`. */
export const wallTime = (instant: Date, timeZone: string = ZONE): string => new Date(wallMs(instant.getTime(), timeZone)).toISOString().slice(0, 19);

/** The Europe/Amsterdam calendar date of an instant. */
export function amsterdamDate(instant: string | Date): LocalDate {
  return fromUtcMs(Math.floor(amsterdamWallMs(toInstantMs(instant)) / DAY_MS) * DAY_MS);
}

/** 00:00 Europe/Amsterdam on `date`, as an ISO UTC instant. */
export function startOfDayInstant(date: LocalDate): string {
  const wall = utcMidnight(date);
  // Amsterdam switches at 02:00/03:00 local, so midnight always exists once; two passes settle the offset.
  const guess = wall - (amsterdamWallMs(wall) - wall);
  const ms = wall - (amsterdamWallMs(guess) - guess);
  if (amsterdamWallMs(ms) !== wall) throw new Error(`No 00:00 in ${ZONE} on ${date}`);
  return new Date(ms).toISOString();
}

/** A wall-clock time in Europe/Amsterdam (`yyyy-mm-ddThh:mm`, as a form's date-time field sends it), as an ISO UTC instant. */
export function amsterdamInstant(wall: string): string {
  const w = Date.parse(`${wall}Z`);
  if (Number.isNaN(w)) return wall;
  const guess = w - (amsterdamWallMs(w) - w);
  return new Date(w - (amsterdamWallMs(guess) - guess)).toISOString();
}

/** Made on first use, not at load: the first formatter loads ICU's locale data (≈ 10 ms of every cold start, npm run bench:cold). */
const LONG_DATE = { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
const makeFormatter = {
  nl: () => new Intl.DateTimeFormat('nl-NL', LONG_DATE),
  en: () => new Intl.DateTimeFormat('en-GB', LONG_DATE),
};
const formatters: Partial<Record<'nl' | 'en', Intl.DateTimeFormat>> = {};
const formatter = (lang: 'nl' | 'en') => (formatters[lang] ??= makeFormatter[lang]());

/** "vrijdag 12 december 2025" / "Friday 12 December 2025". */
export function formatDate(date: LocalDate, lang: 'nl' | 'en'): string {
  // Assembled from parts: ICU versions differ on the comma after the weekday in en-GB.
  const p: Record<string, string> = {};
  for (const part of formatter(lang).formatToParts(utcMidnight(date))) p[part.type] = part.value;
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
