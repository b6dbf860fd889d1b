/**
 * Days the Crown set equal to a generally recognised holiday under Algemene termijnenwet art. 3
 * lid 3 ("gelijkgestelde dagen"). A statutory term does not end on one. Each day is taken from its
 * decree, named here as the decree names itself; decrees are published in the Staatscourant about
 * every three years. A procedure file can add days a newer decree sets (`calendar.decreedDays`).
 *
 * The holiday table starts in 2020, so earlier decrees are left out. Not included either: the decree
 * for 2020–2022. Its text could not be checked when this list was made,
 * and a secondary overview that lists those days also lists a date that does not exist as the
 * weekday it gives; add those days from the decree in the procedure file where an old case needs them.
 */
import type { LocalDate } from './types.ts';

export interface DecreedDay {
  date: LocalDate;
  /** The decree that set this day, by its own title (and its BWB id where known). */
  decree: string;
}

const D2023 =
  'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag';
const D2026 =
  'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag';

export const DECREED_DAYS: readonly DecreedDay[] = [
  { date: '2023-04-28', decree: D2023 },
  { date: '2023-05-19', decree: D2023 },
  { date: '2024-05-10', decree: D2023 },
  { date: '2024-12-27', decree: D2023 },
  { date: '2025-05-30', decree: D2023 },
  { date: '2026-01-02', decree: D2026 },
  { date: '2026-05-15', decree: D2026 },
  { date: '2027-05-07', decree: D2026 },
  { date: '2028-04-28', decree: D2026 },
  { date: '2028-05-26', decree: D2026 },
];

/** Why a decreed day is not a working day, as the calendar explains a moved term. */
export const DECREED_REASON = 'bij besluit gelijkgesteld met een feestdag (Algemene termijnenwet art. 3 lid 3)';
