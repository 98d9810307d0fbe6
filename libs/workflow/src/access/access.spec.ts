import { positionRights, type PositionKind } from '@rectify/domain';
import { type WorkflowActor } from '../workflow-actor';
import {
  actorFor,
  allowedItemActions,
  mayAttachEvidence,
  mayDeleteEvidence,
  mayEditDetails,
  mayOnOrganisation,
  mayReadItem,
  readReach,
  mayWithdraw,
  relationBetween,
  type Viewer,
  type ViewerPosition,
} from './index';

// A county (/c/) with a town committee (/c/t/), its general branch (/c/t/g/) and a branch
// below it (/c/t/g/b/), and a neighbouring town (/c/n/).
const position = (kind: PositionKind, path: string): ViewerPosition => ({
  organisationId: path.split('/').at(-2)!,
  organisationPath: path,
  kind,
  rights: positionRights(kind),
});
const viewer = (...positions: ViewerPosition[]): Viewer => ({ userId: 'u', positions });
const noContext = { deadline: null, reviewIntervalDays: null, pendingExtension: null };

describe('relationBetween', () => {
  it('tells own, ancestor and unrelated organisations apart by path prefix, not by name prefix', () => {
    expect(relationBetween('/a/', '/a/')).toBe('own_organisation');
    expect(relationBetween('/a/', '/a/b/')).toBe('ancestor_organisation');
    expect(relationBetween('/a/b/', '/a/')).toBe('unrelated');
    expect(relationBetween('/a/', '/ab/')).toBe('unrelated');
  });
});

describe('capacities from positions', () => {
  it('makes a 党总支书记 work the 党总支 items and supervise its branches, never sign off their own', () => {
    const secretary = viewer(position('secretary', '/c/t/g/'));
    expect(actorFor(secretary, '/c/t/g/')).toEqual({ userId: 'u', senders: ['own_secretary'], reads: true });
    expect(actorFor(secretary, '/c/t/g/b/')).toEqual({
      userId: 'u',
      senders: ['ancestor_supervisor'],
      reads: true,
    });
    expect(actorFor(secretary, '/c/t/')).toEqual({ userId: 'u', senders: [], reads: false });
  });

  it('gives each kind its default rights: 副书记 and 组织委员 supervise, 纪检委员 and 党务工作者 only read', () => {
    for (const kind of ['deputy_secretary', 'organising_member'] as const) {
      const v = viewer(position(kind, '/c/t/'));
      expect(actorFor(v, '/c/t/').senders).toEqual([]);
      expect(actorFor(v, '/c/t/g/').senders).toEqual(['ancestor_supervisor']);
    }
    for (const kind of ['discipline_member', 'party_worker'] as const) {
      const v = viewer(position(kind, '/c/t/'));
      expect(actorFor(v, '/c/t/')).toEqual({ userId: 'u', senders: [], reads: true });
      expect(actorFor(v, '/c/t/g/').reads).toBe(false);
    }
  });

  it('follows a designation: a 党务工作者 designated to work the items does, a 纪检委员 designated 督办 supervises', () => {
    const worker = viewer({ ...position('party_worker', '/c/t/g/b/'), rights: ['work_items'] });
    expect(actorFor(worker, '/c/t/g/b/').senders).toEqual(['own_secretary']);
    const discipline = viewer({ ...position('discipline_member', '/c/t/'), rights: ['supervise'] });
    expect(actorFor(discipline, '/c/t/g/').senders).toEqual(['ancestor_supervisor']);
  });

  it('adds the capacities of several positions: 党总支书记 who is also 组织委员 of the 党委 above', () => {
    const both = viewer(position('secretary', '/c/t/g/'), position('organising_member', '/c/t/'));
    expect(actorFor(both, '/c/t/g/').senders).toEqual(['own_secretary', 'ancestor_supervisor']);
  });

  it('lets the root administrator administer every tree, and scopes any other administrator to their subtree', () => {
    const root = viewer(position('admin', '/c/'));
    expect(actorFor(root, '/x/y/')).toEqual({ userId: 'u', senders: ['admin'], reads: true });
    expect(mayOnOrganisation(root, 'ADMINISTER', '/x/')).toBe(true);
    const town = viewer(position('admin', '/c/t/'));
    expect(actorFor(town, '/c/t/g/b/')).toEqual({ userId: 'u', senders: ['admin'], reads: true });
    expect(actorFor(town, '/c/t/')).toEqual({ userId: 'u', senders: ['admin'], reads: true });
    expect(actorFor(town, '/c/n/')).toEqual({ userId: 'u', senders: [], reads: false });
    expect(actorFor(town, '/c/')).toEqual({ userId: 'u', senders: [], reads: false });
  });
});

describe('read reach', () => {
  it('reaches everything for a root administrator, subtrees for supervising positions, one organisation otherwise', () => {
    expect(readReach(viewer(position('admin', '/c/'))).everything).toBe(true);
    expect(readReach(viewer(position('admin', '/c/t/'))).everything).toBe(false);
    expect(
      readReach(viewer(position('secretary', '/c/t/g/'), position('discipline_member', '/c/n/'))),
    ).toEqual({ everything: false, organisationIds: ['n'], subtreePaths: ['/c/t/g/'] });
    expect(readReach(viewer())).toEqual({ everything: false, organisationIds: [], subtreePaths: [] });
  });
});

describe('item access', () => {
  const actor = (senders: WorkflowActor['senders'], reads = true, userId = 'u1'): WorkflowActor => ({
    userId,
    senders,
    reads,
  });

  it('lets whoever reads the organisation read the item, and the system everything', () => {
    expect(mayReadItem(actor([], true))).toBe(true);
    expect(mayReadItem(actor([], false))).toBe(false);
    expect(mayReadItem(actor(['system'], false))).toBe(true);
  });

  it('lets the own organisation, a supervisor above and an admin edit details, not a reader only', () => {
    expect(mayEditDetails(actor(['own_secretary']))).toBe(true);
    expect(mayEditDetails(actor(['ancestor_supervisor']))).toBe(true);
    expect(mayEditDetails(actor(['admin']))).toBe(true);
    expect(mayEditDetails(actor([]))).toBe(false);
  });

  it('lets the creator of an item created by hand edit it while they can see it, nobody else by that rule', () => {
    expect(mayEditDetails(actor([], true, 'c1'), 'c1')).toBe(true);
    expect(mayEditDetails(actor([], true, 'c2'), 'c1')).toBe(false);
    expect(mayEditDetails(actor([], false, 'c1'), 'c1')).toBe(false);
    const item = { status: 'identified' as const, context: noContext };
    expect(allowedItemActions(actor([], true, 'c1'), item, 'c1')).toContain('EDIT_DETAILS');
    expect(allowedItemActions(actor([], true, 'c1'), item)).not.toContain('EDIT_DETAILS');
  });

  it('stops evidence changing after sign-off, and lets only the uploader or an admin delete a file', () => {
    const secretary = actor(['own_secretary'], true, 's1');
    expect(mayAttachEvidence(secretary, 'measures_set')).toBe(true);
    expect(mayAttachEvidence(secretary, 'completed')).toBe(false);
    expect(mayAttachEvidence(actor(['ancestor_supervisor']), 'measures_set')).toBe(false);
    expect(mayDeleteEvidence(secretary, 'measures_set', 's1')).toBe(true);
    expect(mayDeleteEvidence(secretary, 'measures_set', 'other')).toBe(false);
    expect(mayDeleteEvidence(secretary, 'measures_set', null)).toBe(false);
    expect(mayDeleteEvidence(actor(['admin']), 'pending_review', 'other')).toBe(true);
    expect(mayDeleteEvidence(actor(['admin']), 'completed', 'other')).toBe(false);
  });

  it('lists the events the machine accepts from the actor now, then the other actions', () => {
    const measuresSet = {
      status: 'measures_set' as const,
      context: { ...noContext, deadline: '2026-12-31' },
    };
    expect(allowedItemActions(actor(['own_secretary']), measuresSet)).toEqual([
      'SET_MEASURES',
      'SUBMIT_COMPLETION',
      'REQUEST_EXTENSION',
      'ADD_PROGRESS_NOTE',
      'EDIT_DETAILS',
      'ATTACH_EVIDENCE',
    ]);
    const pending = { status: 'pending_review' as const, context: noContext };
    expect(allowedItemActions(actor(['ancestor_supervisor']), pending)).toEqual(
      expect.arrayContaining(['APPROVE_COMPLETION', 'RETURN_FOR_REWORK', 'EDIT_DETAILS']),
    );
    expect(allowedItemActions(actor(['ancestor_supervisor']), pending)).not.toContain('ATTACH_EVIDENCE');
    expect(allowedItemActions(actor([], false), pending)).toEqual([]);
    // Both capacities at once: submits its own work and could sign it off from above.
    expect(allowedItemActions(actor(['own_secretary', 'ancestor_supervisor']), pending)).toEqual(
      expect.arrayContaining(['APPROVE_COMPLETION', 'ADD_PROGRESS_NOTE']),
    );
  });

  it('lets a supervisor above and an admin withdraw an item, not its own organisation, nor a reader, nor the system', () => {
    expect(mayWithdraw(actor(['ancestor_supervisor']))).toBe(true);
    expect(mayWithdraw(actor(['admin']))).toBe(true);
    expect(mayWithdraw(actor(['own_secretary']))).toBe(false);
    expect(mayWithdraw(actor([], true))).toBe(false);
    expect(mayWithdraw(actor([], false))).toBe(false);
    expect(mayWithdraw(actor(['system']))).toBe(false);
  });

  it('offers WITHDRAW while the item stands, and RESTORE alone (to those who may) once withdrawn', () => {
    const measuresSet = {
      status: 'measures_set' as const,
      context: { ...noContext, deadline: '2026-12-31' },
    };
    const supervisor = actor(['ancestor_supervisor']);
    const secretary = actor(['own_secretary']);
    expect(allowedItemActions(supervisor, measuresSet)).toContain('WITHDRAW');
    expect(allowedItemActions(supervisor, measuresSet)).not.toContain('RESTORE');
    expect(allowedItemActions(secretary, measuresSet)).not.toContain('WITHDRAW');
    const withdrawn = { ...measuresSet, withdrawn: true };
    expect(allowedItemActions(supervisor, withdrawn)).toEqual(['RESTORE']);
    expect(allowedItemActions(actor(['admin']), withdrawn)).toEqual(['RESTORE']);
    expect(allowedItemActions(secretary, withdrawn)).toEqual([]);
  });
});

describe('organisation access', () => {
  it('lets people read and export their part of the tree, and administrators administer their subtree only', () => {
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/g/b/')), 'EXPORT', '/c/t/g/b/')).toBe(true);
    expect(mayOnOrganisation(viewer(position('discipline_member', '/c/t/')), 'READ', '/c/t/g/')).toBe(false);
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/')), 'READ', '/c/t/g/')).toBe(true);
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/g/')), 'READ', '/c/t/')).toBe(false);
    expect(mayOnOrganisation(viewer(position('secretary', '/c/')), 'ADMINISTER', '/c/')).toBe(false);
    expect(mayOnOrganisation(viewer(position('admin', '/c/t/')), 'IMPORT_REPORT', '/c/t/g/b/')).toBe(true);
    expect(mayOnOrganisation(viewer(position('admin', '/c/t/')), 'ADMINISTER', '/c/n/')).toBe(false);
    expect(mayOnOrganisation(null, 'ADMINISTER', '/c/')).toBe(true);
  });

  it('lets an admin and a supervisor above create items for an organisation, not for their own, not a non-supervising position', () => {
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/')), 'CREATE_ITEMS', '/c/t/g/')).toBe(true);
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/')), 'CREATE_ITEMS', '/c/t/')).toBe(false);
    expect(mayOnOrganisation(viewer(position('secretary', '/c/t/g/')), 'CREATE_ITEMS', '/c/n/')).toBe(false);
    expect(mayOnOrganisation(viewer(position('party_worker', '/c/t/')), 'CREATE_ITEMS', '/c/t/g/')).toBe(
      false,
    );
    expect(mayOnOrganisation(viewer(position('admin', '/c/t/')), 'CREATE_ITEMS', '/c/t/')).toBe(true);
    expect(mayOnOrganisation(null, 'CREATE_ITEMS', '/c/')).toBe(true);
  });
});
