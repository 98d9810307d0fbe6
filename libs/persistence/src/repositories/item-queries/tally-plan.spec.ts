import { type Viewer } from '@rectify/workflow';
import { tallyPlan } from './tally-plan';

const P = '/p/';
const CITY = '/p/c/';
const COUNTY = '/p/c/k/';
const TOWN = '/p/c/k/t/';
const OTHER_CITY = '/p/d/';

const viewer = (...positions: [path: string, reach: 'supervise' | 'own' | 'admin'][]): Viewer => ({
  userId: 'u',
  positions: positions.map(([path, reach]) => ({
    organisationId: path.split('/').filter(Boolean).at(-1) as string,
    organisationPath: path,
    kind: reach === 'admin' ? 'admin' : 'secretary',
    rights: reach === 'supervise' ? ['supervise'] : [],
  })),
});

describe('tallyPlan', () => {
  it('sums one organisation for the operator and a root administrator, or every root without one', () => {
    expect(tallyPlan('operator', COUNTY)).toEqual({ roots: [COUNTY], ownOrganisationIds: [] });
    expect(tallyPlan('operator', null)).toEqual({ roots: 'all', ownOrganisationIds: [] });
    expect(tallyPlan(viewer([P, 'admin']), null)).toEqual({ roots: 'all', ownOrganisationIds: [] });
  });

  it('sums the organisation asked for when a supervised subtree holds it', () => {
    expect(tallyPlan(viewer([CITY, 'supervise']), TOWN)).toEqual({ roots: [TOWN], ownOrganisationIds: [] });
  });

  it("sums the scope's outermost subtrees, each once, without an organisation", () => {
    const plan = tallyPlan(viewer([COUNTY, 'supervise'], [CITY, 'admin'], [OTHER_CITY, 'supervise']), null);
    expect(plan).toEqual({ roots: [CITY, OTHER_CITY], ownOrganisationIds: [] });
  });

  it('adds the own organisations, to be counted outside the roots', () => {
    expect(tallyPlan(viewer([TOWN, 'own'], [OTHER_CITY, 'supervise']), null)).toEqual({
      roots: [OTHER_CITY],
      ownOrganisationIds: ['t'],
    });
    // Asked for an organisation above both: only the supervised subtree below it is summed.
    expect(tallyPlan(viewer([CITY, 'own'], [TOWN, 'supervise']), CITY)).toEqual({
      roots: [TOWN],
      ownOrganisationIds: ['c'],
    });
  });

  it('sums nothing for a scope that reads nothing', () => {
    expect(tallyPlan(viewer(), null)).toEqual({ roots: [], ownOrganisationIds: [] });
  });
});
