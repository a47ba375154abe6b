import { todayInParis } from '../../knowledge/calendar';
import { quarterHourToday, territoryTimeZone } from '../../dialogs/features';

describe('today in Paris, formatted once a quarter hour', () => {
  it('gives todayInParis on both sides of every quarter hour around Paris midnights, winter and summer, and across the changes of time', () => {
    let clock = 0;
    const today = quarterHourToday(() => clock);
    const starts = ['2026-01-14T21:00:00Z', '2026-07-14T20:00:00Z', '2026-03-28T21:00:00Z', '2026-10-24T20:00:00Z', '2026-12-31T21:30:00Z'];
    for (const start of starts) {
      for (let quarter = 0; quarter < 8 * 4; quarter += 1) {
        for (const offset of [-1, 0, 1, 7.5 * 60_000]) {
          clock = Date.parse(start) + quarter * 15 * 60_000 + offset;
          expect(today()).toBe(todayInParis(new Date(clock)));
        }
      }
    }
  });

  it('follows the clock backwards too (a corrected system time)', () => {
    let clock = Date.parse('2026-05-02T00:00:00Z');
    const today = quarterHourToday(() => clock);
    expect(today()).toBe('2026-05-02');
    clock = Date.parse('2026-05-01T12:00:00Z');
    expect(today()).toBe('2026-05-01');
  });
});

describe("today in the served territory's legal time", () => {
  it('is the day in Martinique for a guichet there: four hours behind UTC, five or six behind Paris', () => {
    let clock = Date.parse('2026-11-22T03:59:59Z'); // Paris 04:59 on the 22nd, Fort-de-France 23:59 on the 21st
    const today = quarterHourToday(() => clock, territoryTimeZone('972'));
    expect(today()).toBe('2026-11-21');
    clock = Date.parse('2026-11-22T04:00:00Z');
    expect(today()).toBe('2026-11-22');
    clock = Date.parse('2026-07-01T02:30:00Z'); // summer: Paris 04:30 on the 1st
    expect(today()).toBe('2026-06-30');
  });

  it('reads the time zone from any served territory inside an overseas département or région, metropolitan time elsewhere', () => {
    expect(territoryTimeZone('972')).toBe('America/Martinique');
    expect(territoryTimeZone('972-NORD')).toBe('America/Martinique');
    expect(territoryTimeZone('200041788')).toBe('America/Martinique');
    expect(territoryTimeZone('region:04')).toBe('Indian/Reunion');
    expect(territoryTimeZone('973')).toBe('America/Cayenne');
    expect(territoryTimeZone('976')).toBe('Indian/Mayotte');
    expect(territoryTimeZone('75')).toBe('Europe/Paris');
    expect(territoryTimeZone('FR')).toBe('Europe/Paris');
    expect(territoryTimeZone(undefined)).toBe('Europe/Paris');
  });

  it('is a day ahead of Paris in La Réunion late in the evening', () => {
    const today = quarterHourToday(() => Date.parse('2026-11-22T20:30:00Z'), territoryTimeZone('974')); // Paris 21:30, Saint-Denis 00:30
    expect(today()).toBe('2026-11-23');
  });
});
