import { todayInParis } from '../../knowledge/calendar';
import { quarterHourToday } from '../../dialogs/features';

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
