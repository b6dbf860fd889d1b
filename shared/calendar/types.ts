/** A calendar date in Europe/Amsterdam, as `YYYY-MM-DD`. */
export type LocalDate = string;

export const TERM_UNITS = ['days', 'weeks', 'months', 'years', 'workingDays'] as const;
export type TermUnit = (typeof TERM_UNITS)[number];

export interface Duration {
  amount: number;
  unit: TermUnit;
}

/**
 * Which days are not working days besides Saturday and Sunday.
 * - `termijnenwet`: the Algemene termijnenwet's list (art. 3): Nieuwjaarsdag, Goede Vrijdag,
 *   Eerste en Tweede Paasdag, Koningsdag, Bevrijdingsdag (every year), Hemelvaartsdag,
 *   Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 * - `public`: the official Dutch public holidays as the holiday library types them `public`.
 * - `none`: weekends only.
 */
export const HOLIDAY_SETS = ['termijnenwet', 'public', 'none'] as const;
export type HolidaySet = (typeof HOLIDAY_SETS)[number];

export interface CalendarRules {
  holidays: HolidaySet;
  /** Extra days the organisation is closed (YYYY-MM-DD). */
  closingDays: LocalDate[];
  /** Move a term that ends on a non-working day to the next working day (Algemene termijnenwet). */
  rollForward: boolean;
  /**
   * Days a decree newer than this release set equal to a holiday (Atw art. 3 lid 3), added to the
   * built-in list; they count with the `termijnenwet` set only, as the built-in ones do.
   */
  decreedDays?: readonly { date: LocalDate; decree: string }[];
}

export interface TermEnd {
  /** The last day of the term (after any roll-forward). */
  lastDay: LocalDate;
  /** The instant the term has passed: 00:00 Europe/Amsterdam on the day after `lastDay`, ISO UTC. */
  dueAt: string;
  /** Set when roll-forward moved the end: the unmoved last day and why each skipped day was skipped. */
  moved?: { from: LocalDate; skipped: { date: LocalDate; reason: string }[] };
}
