import { adminWorld } from '../testing/admin-fixtures';
import { asOfDay, assertYear, resolveTarget } from './closing-loop-target';

describe('resolveTarget', () => {
  it('finds the organisation by id or by name, as the operator or a viewer who may read it', async () => {
    const w = await adminWorld();
    const byName = await resolveTarget(w.organisations, w.viewers, { organisationName: ' 甲村党支部 ' });
    expect(byName).toMatchObject({
      organisation: { id: w.villageA.id, name: '甲村党支部' },
      scope: 'operator',
    });
    const byId = await resolveTarget(w.organisations, w.viewers, {
      organisationId: w.villageA.id,
      viewerUserId: w.supervisor.userId,
    });
    expect(byId.scope).toEqual(w.supervisor);
  });

  it('answers ORGANISATION_NOT_FOUND alike for an organisation out of scope, unknown, or a malformed id', async () => {
    const w = await adminWorld();
    const refs = [
      { organisationId: w.villageB.id, viewerUserId: w.secretary.userId },
      { organisationId: w.town.id, viewerUserId: w.secretary.userId },
      { organisationName: '丙村党支部' },
      { organisationId: 'not-a-uuid' },
    ];
    for (const ref of refs) {
      await expect(resolveTarget(w.organisations, w.viewers, ref)).rejects.toMatchObject({
        code: 'ORGANISATION_NOT_FOUND',
      });
    }
  });

  it('answers USER_NOT_FOUND when the viewer account is gone', async () => {
    const w = await adminWorld();
    await expect(
      resolveTarget(w.organisations, w.viewers, {
        organisationId: w.villageA.id,
        viewerUserId: '00000000-0000-4000-8000-0000000000ff',
      }),
    ).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});

describe('assertYear and asOfDay', () => {
  it('accept a four-digit year and a YYYY-MM-DD day, and refuse others with INVALID_ARGUMENT', () => {
    expect(() => assertYear(2024)).not.toThrow();
    for (const year of [24, 20245, 1800]) {
      expect(() => assertYear(year, '报告年度')).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
    expect(asOfDay('2025-01-10', () => 'today')).toBe('2025-01-10');
    expect(asOfDay(undefined, () => '2025-03-01')).toBe('2025-03-01');
    for (const day of ['2025-13-01', '10/01/2025', '1900-01-01']) {
      expect(() => asOfDay(day, () => 'today')).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});
