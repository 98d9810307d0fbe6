import { clockStartingAt, shanghaiDate, shanghaiInstant } from './shanghai-time';

describe('Shanghai time', () => {
  it('turns a UTC instant into the date in China', () => {
    expect(shanghaiDate(new Date('2024-10-07T15:59:59Z'))).toBe('2024-10-07');
    expect(shanghaiDate(new Date('2024-10-07T16:00:00Z'))).toBe('2024-10-08');
  });

  it('gives the instant of a time of day in China', () => {
    expect(shanghaiInstant('2024-10-08', '09:00').toISOString()).toBe('2024-10-08T01:00:00.000Z');
    expect(() => shanghaiInstant('2024-13-40')).toThrow(RangeError);
  });

  it('starts a clock at a chosen instant that then runs on', async () => {
    const clock = clockStartingAt(new Date('2024-10-08T00:00:00Z'));
    const first = clock.now().getTime();
    expect(Math.abs(first - Date.parse('2024-10-08T00:00:00Z'))).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });
});
