import { RECURRENCE_MAX_LINKS } from '@rectify/domain';
import { mayJoinShownLinks } from './recurrence-match';

const WEAKEST = { score: 0.8, year: 2021, earlierItemId: '5' };
const full = { count: RECURRENCE_MAX_LINKS, weakest: WEAKEST };

describe('mayJoinShownLinks', () => {
  it('lets every link through to an item without a row, with no shown link, or with room left', () => {
    const link = { score: 0.5, year: 2010, earlierItemId: '9' };
    expect(mayJoinShownLinks(link, undefined)).toBe(true);
    expect(mayJoinShownLinks(link, { count: 0, weakest: null })).toBe(true);
    expect(mayJoinShownLinks(link, { count: RECURRENCE_MAX_LINKS - 1, weakest: WEAKEST })).toBe(true);
  });

  it('holds back, from a full item, a link its weakest shown link still ranks before', () => {
    expect(mayJoinShownLinks({ score: 0.79, year: 2024, earlierItemId: '0' }, full)).toBe(false);
    // The same score: the nearer year ranks first, then the smaller id.
    expect(mayJoinShownLinks({ score: 0.8, year: 2020, earlierItemId: '0' }, full)).toBe(false);
    expect(mayJoinShownLinks({ score: 0.8, year: 2021, earlierItemId: '6' }, full)).toBe(false);
    expect(mayJoinShownLinks({ score: 0.8, year: null, earlierItemId: '0' }, full)).toBe(false);
    expect(mayJoinShownLinks({ score: 0.79, year: 2024, earlierItemId: '0' }, { ...full, count: 5 })).toBe(
      false,
    );
  });

  it('lets through, to a full item, a link that ranks before its weakest', () => {
    expect(mayJoinShownLinks({ score: 0.81, year: 2000, earlierItemId: '9' }, full)).toBe(true);
    expect(mayJoinShownLinks({ score: 0.8, year: 2022, earlierItemId: '9' }, full)).toBe(true);
    expect(mayJoinShownLinks({ score: 0.8, year: 2021, earlierItemId: '4' }, full)).toBe(true);
    expect(
      mayJoinShownLinks(
        { score: 0.8, year: 2000, earlierItemId: '9' },
        { ...full, weakest: { ...WEAKEST, year: null } },
      ),
    ).toBe(true);
  });
});
