import { ChineseWorkingDayCalendar } from '../calendar/working-day-calendar';
import { trafficLight } from '../reminders/reminder-plan';
import { summaryRowOf } from './summary-row';
import { lastYellowDeadline, recurringOrganisations, type RecurringCount } from './summary-figures';

const calendar = new ChineseWorkingDayCalendar();

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, k) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + k);
    return d.toISOString().slice(0, 10);
  });
}

describe('lastYellowDeadline', () => {
  it('bounds exactly the deadlines trafficLight shows yellow, across holidays and make-up working days', () => {
    // Around the 2024 National Day holiday and the 2025 Spring Festival, every day of it as asOf.
    for (const asOf of [...days('2024-09-20', 25), ...days('2025-01-20', 20)]) {
      const last = lastYellowDeadline(asOf, calendar);
      for (const deadline of days(asOf, 40)) {
        const yellow = last !== null && deadline <= last;
        expect({ asOf, deadline, yellow }).toEqual({
          asOf,
          deadline,
          yellow: trafficLight(deadline, asOf, calendar) === 'yellow',
        });
      }
    }
  });

  it('stops at the end of the date window, where deadlines are green', () => {
    expect(lastYellowDeadline('2100-12-30', calendar)).toBe('2100-12-31');
  });
});

describe('recurringOrganisations', () => {
  const org = (name: string, recurring: number): RecurringCount => ({
    organisationId: name,
    organisationName: name,
    recurring,
  });

  it('takes organisations in name order until their recurring items fill the list', () => {
    const orgs = [org('丙支部', 3), org('甲支部', 2), org('乙支部', 0), org('丁支部', 4)];
    const inOrder = orgs
      .filter((o) => o.recurring > 0)
      .map((o) => o.organisationName)
      .sort((a, b) => a.localeCompare(b, 'zh'));
    expect(recurringOrganisations(orgs, 4)).toEqual(inOrder.slice(0, 2));
    expect(recurringOrganisations(orgs, 100)).toEqual(inOrder);
  });
});

describe('summaryRowOf', () => {
  const root = '/a/b/';

  it("counts the root in its own row and everything below a child in that child's row", () => {
    expect(summaryRowOf(root, '/a/b/')).toBe('b');
    expect(summaryRowOf(root, '/a/b/c/')).toBe('c');
    expect(summaryRowOf(root, '/a/b/c/d/e/')).toBe('c');
  });

  it('places no organisation outside the subtree, not even one whose id begins like the root', () => {
    expect(summaryRowOf(root, '/a/')).toBeNull();
    expect(summaryRowOf(root, '/a/bb/')).toBeNull();
    expect(summaryRowOf(root, '/x/b/c/')).toBeNull();
  });
});
