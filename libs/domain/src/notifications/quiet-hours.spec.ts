import { quietHoursEnd } from './quiet-hours';

// Beijing is UTC+8: 22:00 there is 14:00Z.
const at = (iso: string) => new Date(iso);

describe('quietHoursEnd', () => {
  const night = { from: '22:00', until: '07:00' };

  it('holds a message sent late in the evening until the next morning', () => {
    expect(quietHoursEnd(at('2026-11-30T15:30:00Z'), night)?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('holds a message sent after midnight until the same morning', () => {
    expect(quietHoursEnd(at('2026-11-30T18:00:00Z'), night)?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('lets daytime messages through, and the first minute after the quiet hours', () => {
    expect(quietHoursEnd(at('2026-11-30T04:00:00Z'), night)).toBeNull();
    expect(quietHoursEnd(at('2026-11-30T23:00:00Z'), night)).toBeNull();
  });

  it('handles quiet hours within one day (12:00–14:00) and none at all', () => {
    const lunch = { from: '12:00', until: '14:00' };
    expect(quietHoursEnd(at('2026-11-30T04:30:00Z'), lunch)?.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(quietHoursEnd(at('2026-11-30T07:00:00Z'), lunch)).toBeNull();
    expect(quietHoursEnd(at('2026-11-30T15:30:00Z'), null)).toBeNull();
    expect(quietHoursEnd(at('2026-11-30T15:30:00Z'), { from: '08:00', until: '08:00' })).toBeNull();
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => quietHoursEnd(at('2026-11-30T15:30:00Z'), { from: '24:00', until: '07:00' })).toThrow(
      RangeError,
    );
  });
});
