import { randomUUID } from 'node:crypto';
import { type ItemDetailRecord } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import { type TestPerson, viewerHolding } from './viewer-holding';

/** A tree for unit tests: a town committee (镇党委) above two branches (甲村、乙村党支部). */
export const TREE = {
  town: { id: randomUUID(), name: '镇党委', path: '' },
  branchA: { id: randomUUID(), name: '甲村党支部', path: '' },
  branchB: { id: randomUUID(), name: '乙村党支部', path: '' },
};
TREE.town.path = `/${TREE.town.id}/`;
TREE.branchA.path = `${TREE.town.path}${TREE.branchA.id}/`;
TREE.branchB.path = `${TREE.town.path}${TREE.branchB.id}/`;

/** A person (TestPerson) in `organisation` of TREE. */
export function viewerIn(person: TestPerson, organisation: { id: string; path: string }): Viewer {
  return viewerHolding(randomUUID(), person, organisation);
}

/**
 * A stored item of `organisation` from a 2024 report (identified, no deadline, no measures) with
 * the given changes.
 */
export function itemRecord(
  organisation: { id: string; name: string; path: string },
  changes: Partial<ItemDetailRecord> = {},
): ItemDetailRecord {
  return {
    id: randomUUID(),
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationPath: organisation.path,
    reportId: randomUUID(),
    reportYear: 2024,
    createdBy: null,
    seq: 1,
    title: '学习不够深入',
    detail: '',
    source: 'self_inspection',
    responsibleLeader: null,
    status: 'identified',
    deadline: null,
    reviewIntervalDays: null,
    pendingExtension: null,
    version: 1,
    withdrawn: null,
    measures: [],
    evidence: [],
    history: [],
    recurrence: { repeats: [], repeatedBy: [] },
    ...changes,
  };
}
