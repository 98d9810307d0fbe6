import { type ActorRole, type ActorScope, type WorkflowActor } from '../workflow-actor';
import {
  actorFor,
  allowedItemActions,
  mayAttachEvidence,
  mayDeleteEvidence,
  mayEditDetails,
  mayOnOrganisation,
  mayReadItem,
  mayWithdraw,
  relationBetween,
  type Viewer,
} from './index';

const actor = (role: ActorRole, scope: ActorScope, userId = 'u1'): WorkflowActor => ({ userId, role, scope });
const noContext = { deadline: null, reviewIntervalDays: null, pendingExtension: null };

describe('relationBetween', () => {
  it('tells own, ancestor and unrelated organisations apart by path prefix, not by name prefix', () => {
    expect(relationBetween('/a/', '/a/')).toBe('own_organisation');
    expect(relationBetween('/a/', '/a/b/')).toBe('ancestor_organisation');
    expect(relationBetween('/a/b/', '/a/')).toBe('unrelated');
    expect(relationBetween('/a/', '/ab/')).toBe('unrelated');
  });
});

describe('item access', () => {
  it('lets a secretary read only their own organisation, a supervisor theirs and below, an admin all', () => {
    expect(mayReadItem(actor('secretary', 'own_organisation'))).toBe(true);
    expect(mayReadItem(actor('secretary', 'ancestor_organisation'))).toBe(false);
    expect(mayReadItem(actor('supervisor', 'own_organisation'))).toBe(true);
    expect(mayReadItem(actor('supervisor', 'ancestor_organisation'))).toBe(true);
    expect(mayReadItem(actor('supervisor', 'unrelated'))).toBe(false);
    expect(mayReadItem(actor('admin', 'unrelated'))).toBe(true);
  });

  it('lets the own secretary, a supervisor above and an admin edit details, not a supervisor of the same organisation', () => {
    expect(mayEditDetails(actor('secretary', 'own_organisation'))).toBe(true);
    expect(mayEditDetails(actor('supervisor', 'ancestor_organisation'))).toBe(true);
    expect(mayEditDetails(actor('supervisor', 'own_organisation'))).toBe(false);
    expect(mayEditDetails(actor('admin', 'unrelated'))).toBe(true);
  });

  it('lets the creator of an item created by hand edit it while they can see it, nobody else by that rule', () => {
    expect(mayEditDetails(actor('supervisor', 'own_organisation', 'c1'), 'c1')).toBe(true);
    expect(mayEditDetails(actor('supervisor', 'own_organisation', 'c2'), 'c1')).toBe(false);
    expect(mayEditDetails(actor('supervisor', 'unrelated', 'c1'), 'c1')).toBe(false);
    expect(mayEditDetails(actor('secretary', 'ancestor_organisation', 'c1'), null)).toBe(false);
    const item = { status: 'identified' as const, context: noContext };
    expect(allowedItemActions(actor('supervisor', 'own_organisation', 'c1'), item, 'c1')).toContain(
      'EDIT_DETAILS',
    );
    expect(allowedItemActions(actor('supervisor', 'own_organisation', 'c1'), item)).not.toContain(
      'EDIT_DETAILS',
    );
  });

  it('stops evidence changing after sign-off, and lets only the uploader or an admin delete a file', () => {
    const secretary = actor('secretary', 'own_organisation', 's1');
    expect(mayAttachEvidence(secretary, 'measures_set')).toBe(true);
    expect(mayAttachEvidence(secretary, 'completed')).toBe(false);
    expect(mayAttachEvidence(actor('supervisor', 'ancestor_organisation'), 'measures_set')).toBe(false);
    expect(mayDeleteEvidence(secretary, 'measures_set', 's1')).toBe(true);
    expect(mayDeleteEvidence(secretary, 'measures_set', 'other')).toBe(false);
    expect(mayDeleteEvidence(secretary, 'measures_set', null)).toBe(false);
    expect(mayDeleteEvidence(actor('admin', 'unrelated'), 'pending_review', 'other')).toBe(true);
    expect(mayDeleteEvidence(actor('admin', 'unrelated'), 'completed', 'other')).toBe(false);
  });

  it('lists the events the machine accepts from the actor now, then the other actions', () => {
    const measuresSet = {
      status: 'measures_set' as const,
      context: { ...noContext, deadline: '2026-12-31' },
    };
    expect(allowedItemActions(actor('secretary', 'own_organisation'), measuresSet)).toEqual([
      'SET_MEASURES',
      'SUBMIT_COMPLETION',
      'REQUEST_EXTENSION',
      'ADD_PROGRESS_NOTE',
      'EDIT_DETAILS',
      'ATTACH_EVIDENCE',
    ]);
    const pending = { status: 'pending_review' as const, context: noContext };
    expect(allowedItemActions(actor('supervisor', 'ancestor_organisation'), pending)).toEqual(
      expect.arrayContaining(['APPROVE_COMPLETION', 'RETURN_FOR_REWORK', 'EDIT_DETAILS']),
    );
    expect(allowedItemActions(actor('supervisor', 'ancestor_organisation'), pending)).not.toContain(
      'ATTACH_EVIDENCE',
    );
    expect(allowedItemActions(actor('secretary', 'unrelated'), pending)).toEqual([]);
  });

  it('lets a supervisor above and an admin withdraw an item, not its own secretary nor a supervisor of the same organisation', () => {
    expect(mayWithdraw(actor('supervisor', 'ancestor_organisation'))).toBe(true);
    expect(mayWithdraw(actor('admin', 'unrelated'))).toBe(true);
    expect(mayWithdraw(actor('secretary', 'own_organisation'))).toBe(false);
    expect(mayWithdraw(actor('supervisor', 'own_organisation'))).toBe(false);
    expect(mayWithdraw(actor('supervisor', 'unrelated'))).toBe(false);
    expect(mayWithdraw(actor('system', 'unrelated'))).toBe(false);
  });

  it('offers WITHDRAW while the item stands, and RESTORE alone (to those who may) once withdrawn', () => {
    const measuresSet = {
      status: 'measures_set' as const,
      context: { ...noContext, deadline: '2026-12-31' },
    };
    const supervisor = actor('supervisor', 'ancestor_organisation');
    const secretary = actor('secretary', 'own_organisation');
    expect(allowedItemActions(supervisor, measuresSet)).toContain('WITHDRAW');
    expect(allowedItemActions(supervisor, measuresSet)).not.toContain('RESTORE');
    expect(allowedItemActions(secretary, measuresSet)).not.toContain('WITHDRAW');
    const withdrawn = { ...measuresSet, withdrawn: true };
    expect(allowedItemActions(supervisor, withdrawn)).toEqual(['RESTORE']);
    expect(allowedItemActions(actor('admin', 'unrelated'), withdrawn)).toEqual(['RESTORE']);
    expect(allowedItemActions(secretary, withdrawn)).toEqual([]);
  });
});

describe('organisation access', () => {
  const viewer = (role: Viewer['role'], path: string): Viewer => ({
    userId: 'u',
    role,
    organisationId: 'o',
    organisationPath: path,
  });

  it('lets people read and export their part of the tree, and only admins administer', () => {
    expect(mayOnOrganisation(viewer('secretary', '/a/b/'), 'EXPORT', '/a/b/')).toBe(true);
    expect(mayOnOrganisation(viewer('secretary', '/a/'), 'READ', '/a/b/')).toBe(false);
    expect(mayOnOrganisation(viewer('supervisor', '/a/'), 'READ', '/a/b/')).toBe(true);
    expect(mayOnOrganisation(viewer('supervisor', '/a/b/'), 'READ', '/a/')).toBe(false);
    expect(mayOnOrganisation(viewer('supervisor', '/a/'), 'ADMINISTER', '/a/')).toBe(false);
    expect(mayOnOrganisation(viewer('admin', '/x/'), 'IMPORT_REPORT', '/a/')).toBe(true);
    expect(mayOnOrganisation(null, 'ADMINISTER', '/a/')).toBe(true);
  });

  it('lets an admin and a supervisor above create items for an organisation, not for their own, not a secretary', () => {
    expect(mayOnOrganisation(viewer('supervisor', '/a/'), 'CREATE_ITEMS', '/a/b/')).toBe(true);
    expect(mayOnOrganisation(viewer('supervisor', '/a/'), 'CREATE_ITEMS', '/a/')).toBe(false);
    expect(mayOnOrganisation(viewer('supervisor', '/a/b/'), 'CREATE_ITEMS', '/a/c/')).toBe(false);
    expect(mayOnOrganisation(viewer('secretary', '/a/b/'), 'CREATE_ITEMS', '/a/b/')).toBe(false);
    expect(mayOnOrganisation(viewer('admin', '/x/'), 'CREATE_ITEMS', '/a/')).toBe(true);
    expect(mayOnOrganisation(null, 'CREATE_ITEMS', '/a/')).toBe(true);
  });

  it('builds the workflow actor from the viewer and the target organisation', () => {
    expect(actorFor(viewer('supervisor', '/a/'), '/a/b/')).toEqual({
      userId: 'u',
      role: 'supervisor',
      scope: 'ancestor_organisation',
    });
  });
});
