import fc from 'fast-check';
import { osloDate } from './oslo-days';

const OSLO = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const formatted = (ms: number) => OSLO.format(ms);

/** osloDate remembers the day of each UTC hour (docs/adr/0031): it must answer what formatting the instant answers. */
describe('osloDate', () => {
  it('gives the day in Norway minute by minute around midnight and the changes to and from summer time', () => {
    const around = [
      '2025-03-29T20:00:00Z',
      '2025-10-25T20:00:00Z',
      '2024-12-31T20:00:00Z',
      '1980-04-05T20:00:00Z',
    ];
    for (const start of around)
      for (let minute = 0; minute < 36 * 60; minute += 1) {
        const ms = Date.parse(start) + minute * 60_000 + (minute % 60) * 997;
        expect(osloDate(new Date(ms))).toBe(formatted(ms));
        expect(osloDate(new Date(ms).toISOString())).toBe(formatted(ms));
      }
  });

  it('gives the day in Norway of any instant, the 19th century included', () => {
    const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => osloDate(new Date(ms)) === formatted(ms)),
      { numRuns: 5000 },
    );
  });

  it('refuses an instant that is not one, as before', () => {
    expect(() => osloDate('not a time')).toThrow(RangeError);
  });
});
