/** The wall clock is computed from a cached offset per quarter hour: it must say what Intl says, also around transitions and in zones with odd offsets. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wallTime } from '../../shared/calendar/local-date.ts';

const ZONES = ['Europe/Amsterdam', 'UTC', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const intlWall = (ms: number, timeZone: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${String(p.year).padStart(4, '0')}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
};

describe('wallTime', () => {
  it('agrees with Intl for any instant from 1900 to 2200, in zones with quarter- and half-hour offsets', () => {
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(wallTime(new Date(ms), zone)).toBe(intlWall(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with Intl second by second across Amsterdam’s transitions', () => {
    for (const transition of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = transition - 5000; ms <= transition + 5000; ms += 500) expect(wallTime(new Date(ms), 'Europe/Amsterdam')).toBe(intlWall(ms, 'Europe/Amsterdam'));
    }
  });
});
