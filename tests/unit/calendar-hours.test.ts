import { describe, expect, it } from 'vitest';
import { visibleHours } from '../../renderer/features/calendar/calendar-hours.js';

/** A timed task on 23 November 2026, local time. */
const at = (hour: number, minute = 0, endHour?: number, endMinute = 0, endDay = 23) => ({
  dueAt: new Date(2026, 10, 23, hour, minute).toISOString(),
  endsAt: endHour === undefined ? null : new Date(2026, 10, endDay, endHour, endMinute).toISOString(),
  allDay: false,
});

describe('visibleHours', () => {
  it('shows office hours, 06:00 to 22:00, when every task lies inside them', () => {
    expect(visibleHours([])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '22:00:00' });
    expect(visibleHours([at(9), at(14, 30, 16), at(20, 0, 21, 59)])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '22:00:00' });
  });

  it('widens to the whole hours of a task that starts early or ends late', () => {
    expect(visibleHours([at(5, 30)])).toEqual({ slotMinTime: '05:00:00', slotMaxTime: '22:00:00' });
    // Without an end a task is drawn an hour long: 21:30 reaches 22:30.
    expect(visibleHours([at(21, 30)])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '23:00:00' });
    expect(visibleHours([at(22, 15, 23, 0), at(7)])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '23:00:00' });
  });

  it('shows the day to midnight for a task ending then, and the whole day for one running past it', () => {
    expect(visibleHours([at(23, 0)])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '24:00:00' });
    expect(visibleHours([at(23, 30)])).toEqual({ slotMinTime: '00:00:00', slotMaxTime: '24:00:00' });
    expect(visibleHours([at(22, 0, 1, 0, 24)])).toEqual({ slotMinTime: '00:00:00', slotMaxTime: '24:00:00' });
  });

  it('leaves all-day tasks out', () => {
    expect(visibleHours([{ ...at(0), allDay: true }])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '22:00:00' });
  });
});
