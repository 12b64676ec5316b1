import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeek,
  layoutDay,
  periodOf,
  shiftAnchor,
  startOfWeek,
} from '../../../src-renderer/modules/appointments/calendarRange';

// Local times: the calendar works in the user's time zone.
const at = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();

describe('calendar periods', () => {
  it('starts weeks on Monday and steps by whole days and weeks', () => {
    const thursday = at(2026, 11, 26, 15, 30);
    expect(startOfWeek(thursday)).toBe(at(2026, 11, 23));
    expect(startOfWeek(at(2026, 11, 29, 23))).toBe(at(2026, 11, 23)); // Sunday belongs to the week before
    const week = periodOf('week', thursday);
    expect(week.days).toHaveLength(7);
    expect(week.to).toBe(at(2026, 11, 30));
    expect(periodOf('day', thursday)).toMatchObject({ from: at(2026, 11, 26), to: at(2026, 11, 27) });
    expect(shiftAnchor('week', thursday, 1)).toBe(at(2026, 12, 3, 15, 30));
    expect(shiftAnchor('day', thursday, -1)).toBe(at(2026, 11, 25, 15, 30));
    expect(addDays(at(2026, 12, 31), 1)).toBe(at(2027, 1, 1));
  });

  it('numbers ISO weeks', () => {
    expect(isoWeek(at(2026, 11, 26))).toBe(48);
    expect(isoWeek(at(2027, 1, 1))).toBe(53);
    expect(isoWeek(at(2026, 1, 1))).toBe(1);
  });

  it('puts overlapping appointments side by side and the rest full width', () => {
    const day = at(2026, 11, 26, 7);
    const item = (id: string, fromHour: number, toHour: number) => ({
      id,
      startsAt: day + (fromHour - 7) * 3_600_000,
      endsAt: day + (toHour - 7) * 3_600_000,
    });
    const placed = layoutDay(
      [item('a', 9, 12), item('b', 10, 11), item('c', 11, 13), item('d', 14, 15)],
      day,
      1,
    );
    const byId = Object.fromEntries(placed.map((entry) => [entry.item.id, entry]));
    expect(byId.a).toMatchObject({ lane: 0, lanes: 2, top: 120, height: 180 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.c).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.d).toMatchObject({ lane: 0, lanes: 1 });
  });
});
