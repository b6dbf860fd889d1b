import { describe, it, expect } from 'vitest';
import Holidays from 'date-holidays';
import { readFileSync, readdirSync } from 'node:fs';
import { HOLIDAYS, HOLIDAY_YEARS } from '../../shared/calendar/index.ts';

// Selected here by the library's Dutch names, while the generator selects by rule: two independent routes.
const TERMIJNENWET_BY_LIBRARY_NAME: Record<string, string> = {
  Nieuwjaar: 'Nieuwjaarsdag',
  'Goede Vrijdag': 'Goede Vrijdag',
  Pasen: 'Eerste Paasdag',
  'Tweede paasdag': 'Tweede Paasdag',
  Koningsdag: 'Koningsdag',
  Bevrijdingsdag: 'Bevrijdingsdag',
  Hemelvaartsdag: 'Hemelvaartsdag',
  Pinksteren: 'Eerste Pinksterdag',
  'Tweede pinksterdag': 'Tweede Pinksterdag',
  Kerstmis: 'Eerste Kerstdag',
  'Tweede kerstdag': 'Tweede Kerstdag',
};

function fromLibrary(): { termijnenwet: Record<string, string>; publicDays: Set<string> } {
  const hd = new Holidays('NL', { languages: ['nl'] });
  const termijnenwet: Record<string, string> = {};
  const publicDays = new Set<string>();
  for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) {
    for (const h of hd.getHolidays(year, 'nl')) {
      const date = h.date.slice(0, 10);
      const lawName = TERMIJNENWET_BY_LIBRARY_NAME[h.name];
      if (lawName) termijnenwet[date] = lawName;
      if (h.type === 'public') publicDays.add(date);
    }
  }
  return { termijnenwet, publicDays };
}

describe('holidays.generated.ts', () => {
  const library = fromLibrary();

  it('covers 2020–2045', () => {
    expect(HOLIDAY_YEARS).toEqual({ from: 2020, to: 2045 });
    const years = new Set(Object.keys(HOLIDAYS.termijnenwet).map((d) => Number(d.slice(0, 4))));
    expect(years.size).toBe(26);
    expect(Object.keys(HOLIDAYS.termijnenwet)).toHaveLength(26 * 11);
  });

  it('matches date-holidays for the termijnenwet set (run npm run holidays when this fails)', () => {
    expect(HOLIDAYS.termijnenwet).toEqual(library.termijnenwet);
  });

  it('matches date-holidays for the public set (run npm run holidays when this fails)', () => {
    expect(new Set(Object.keys(HOLIDAYS.public))).toEqual(library.publicDays);
    for (const [date, name] of Object.entries(HOLIDAYS.public)) {
      expect(HOLIDAYS.termijnenwet[date] ?? name).toBe(name);
    }
  });

  it('keeps date-holidays out of shared/ (Lambda bundles)', () => {
    const root = new URL('../../shared/', import.meta.url);
    const offenders = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"]date-holidays|import\(\s*['"]date-holidays|require\(\s*['"]date-holidays/.test(readFileSync(new URL(f, root), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
