import {
  type CreateItemsOutcome,
  type DetailsWrite,
  type EvidenceFileLookup,
  type EvidenceTransaction,
  type HistoryActor,
  type ItemCommandSession,
  type ItemForCommand,
  type ItemsRepository,
  type ItemStateRecord,
  type ItemWithActorRecord,
  type LockedEvidenceFile,
  type LockedItemRecord,
  type NewCreatedItems,
  type NewEvidenceFile,
  type TransitionWrite,
  type WithdrawalWrite,
} from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope, type Viewer } from '@rectify/workflow';

/** An item as the fake keeps it: what commands read, plus the ledger details and the owner. */
export interface StoredItem extends ItemForCommand {
  title: string;
  detail: string;
  /** The year the item belongs to; null only for an item of a report without a year. */
  year: number | null;
  /** Null for an item created by hand. */
  reportId: string | null;
  seq: number;
  source: string;
  responsibleLeader: string | null;
  ownerId: string | null;
  /** Who withdrew the item (撤销) and why; null while it stands. */
  withdrawnBy: string | null;
  withdrawReason: string | null;
}

/** A history line as the fake keeps it. */
export interface StoredHistoryLine {
  itemId: string;
  seq: number;
  actor: HistoryActor;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
}

/** An evidence row as the fake keeps it (text-only evidence has no storageKey). */
export interface StoredEvidence {
  id: string;
  itemId: string;
  text: unknown;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  storageKey: string | null;
  createdBy: string | null;
  deletedBy: string | null;
}

interface State {
  items: Map<string, StoredItem>;
  history: StoredHistoryLine[];
  evidence: StoredEvidence[];
  outbox: { itemId: string; reason: string }[];
  measures: Map<string, unknown[]>;
}

/**
 * ItemsRepository in memory, for unit tests of the item commands: items, people (their role and
 * organisation path), history lines, evidence rows and outbox rows in plain collections.
 * Writes are version-guarded like the SQL; an evidence transaction is undone when its work
 * throws. `beforeWrite` runs before each transition or details write, to simulate a concurrent
 * change between read and write.
 */
export class InMemoryItemsRepository implements ItemsRepository {
  private state: State = { items: new Map(), history: [], evidence: [], outbox: [], measures: new Map() };
  private readonly people = new Map<string, Viewer>();
  private readonly organisationPaths = new Map<string, string>();
  /** Organisation path → its active people (id → display name), who may be picked as 责任人. */
  private readonly members = new Map<string, Map<string, string>>();
  private nextEvidence = 1;
  beforeWrite: (itemId: string) => void = () => {};

  addPerson(person: Viewer): void {
    this.people.set(person.userId, person);
  }

  /** An active person of the organisation at `organisationPath` (home or by a position). */
  addMember(organisationPath: string, userId: string, displayName: string): void {
    const people = this.members.get(organisationPath) ?? new Map<string, string>();
    people.set(userId, displayName);
    this.members.set(organisationPath, people);
  }

  /** An organisation items may be created for (createItems refuses others as not found). */
  addOrganisation(id: string, path: string): void {
    this.organisationPaths.set(id, path);
  }

  addItem(item: Partial<StoredItem> & Pick<StoredItem, 'id' | 'organisationPath'>): StoredItem {
    const stored: StoredItem = {
      title: '学习不够深入',
      detail: '',
      year: 2024,
      reportId: 'report-2024',
      seq: 1,
      createdBy: null,
      status: 'identified',
      deadline: null,
      reviewIntervalDays: null,
      pendingExtension: null,
      version: 1,
      source: 'self_inspection',
      responsibleLeader: null,
      ownerId: null,
      withdrawn: false,
      withdrawnBy: null,
      withdrawReason: null,
      ...item,
    };
    this.state.items.set(stored.id, stored);
    return stored;
  }

  addEvidence(row: Omit<StoredEvidence, 'id' | 'deletedBy'>): StoredEvidence {
    const stored = { ...row, id: this.evidenceId(), deletedBy: null };
    this.state.evidence.push(stored);
    return stored;
  }

  item(id: string): StoredItem | undefined {
    return this.state.items.get(id);
  }

  get history(): readonly StoredHistoryLine[] {
    return this.state.history;
  }

  get evidence(): readonly StoredEvidence[] {
    return this.state.evidence;
  }

  get outbox(): readonly { itemId: string; reason: string }[] {
    return this.state.outbox;
  }

  measuresOf(itemId: string): unknown[] | undefined {
    return this.state.measures.get(itemId);
  }

  async session<T>(work: (session: ItemCommandSession) => Promise<T>): Promise<T> {
    return work(this.commandSession());
  }

  /** Every item, in the order they were added or created. */
  get items(): readonly StoredItem[] {
    return [...this.state.items.values()];
  }

  async createItems(input: NewCreatedItems): Promise<CreateItemsOutcome> {
    const organisationPath = this.organisationPaths.get(input.organisationId);
    if (organisationPath === undefined) return { kind: 'organisation_not_found' };
    const earlier = [...this.state.items.values()].filter(
      (i) => i.organisationPath === organisationPath && i.year === input.year && i.reportId === null,
    );
    const base = Math.max(0, ...earlier.map((i) => i.seq));
    const seqs = input.items.map((_, index) => base + index + 1);
    input.items.forEach((created, index) => {
      const item = this.addItem({
        id: created.id,
        organisationPath,
        title: created.title,
        detail: created.detail,
        year: input.year,
        reportId: null,
        seq: seqs[index],
        source: input.source,
        status: input.status,
        deadline: input.deadline,
        createdBy: input.createdBy,
      });
      this.appendLine(item, input.actor, 'CREATE', null, input.historyPayload);
    });
    return { kind: 'created', seqs };
  }

  async evidenceTransaction<T>(work: (tx: EvidenceTransaction) => Promise<T>): Promise<T> {
    const before = structuredClone(this.state);
    try {
      return await work(this.evidenceTx());
    } catch (err) {
      this.state = before;
      throw err;
    }
  }

  async findLiveEvidenceFile(
    scope: ReadScope,
    itemId: string,
    evidenceId: string,
  ): Promise<EvidenceFileLookup> {
    const item = this.state.items.get(itemId);
    const viewer = scope === 'operator' ? null : scope;
    if (!item || !mayOnOrganisation(viewer, 'READ', item.organisationPath)) return { kind: 'item_not_found' };
    const row = this.live(itemId, evidenceId);
    if (!row?.storageKey) return { kind: 'evidence_not_found' };
    return {
      kind: 'found',
      file: {
        id: row.id,
        itemId,
        fileName: row.fileName,
        mimeType: row.mimeType,
        storageKey: row.storageKey,
        createdBy: row.createdBy,
      },
    };
  }

  private commandSession(): ItemCommandSession {
    return {
      loadItemWithActor: async (itemId, actorUserId): Promise<ItemWithActorRecord | null> => {
        const item = this.state.items.get(itemId);
        if (!item) return null;
        const actor = actorUserId === null ? null : (this.people.get(actorUserId) ?? null);
        return { item: { ...item }, actor };
      },
      writeTransition: async (w: TransitionWrite): Promise<boolean> => {
        this.beforeWrite(w.itemId);
        const item = this.state.items.get(w.itemId);
        if (!item || item.version !== w.readVersion) return false;
        Object.assign(item, {
          status: w.toStatus,
          deadline: w.deadline,
          reviewIntervalDays: w.reviewIntervalDays,
          pendingExtension: w.pendingExtension,
          version: w.readVersion + 1,
          ownerId: item.ownerId ?? w.ownerId,
        });
        this.appendLine(item, w.actor, w.event, w.fromStatus, w.historyPayload);
        this.state.outbox.push({ itemId: item.id, reason: w.event });
        if (w.evidence) {
          this.state.evidence.push({
            id: this.evidenceId(),
            itemId: item.id,
            text: w.evidence.text,
            fileName: null,
            mimeType: null,
            sizeBytes: null,
            storageKey: null,
            createdBy: w.evidence.createdBy,
            deletedBy: null,
          });
        }
        if (w.measures) this.state.measures.set(item.id, w.measures);
        return true;
      },
      organisationPeople: async (itemId, userIds): Promise<Map<string, string>> => {
        const item = this.state.items.get(itemId);
        const people = (item && this.members.get(item.organisationPath)) ?? new Map<string, string>();
        return new Map(userIds.filter((id) => people.has(id)).map((id) => [id, people.get(id) as string]));
      },
      updateDetails: async (w: DetailsWrite): Promise<number | null> => {
        this.beforeWrite(w.itemId);
        const item = this.state.items.get(w.itemId);
        if (!item || item.version !== w.readVersion) return null;
        const previous = {
          ...(w.title !== null ? { previousTitle: item.title } : {}),
          ...(w.detail !== null ? { previousDetail: item.detail } : {}),
        };
        if (w.title !== null) item.title = w.title;
        if (w.detail !== null) item.detail = w.detail;
        if (w.source !== null) item.source = w.source;
        if (w.setResponsibleLeader) item.responsibleLeader = w.responsibleLeader;
        item.version++;
        this.appendLine(item, w.actor, 'UPDATE_DETAILS', item.status, { ...w.changes, ...previous });
        return item.version;
      },
      writeWithdrawal: async (w: WithdrawalWrite): Promise<number | null> => {
        this.beforeWrite(w.itemId);
        const item = this.state.items.get(w.itemId);
        if (!item || item.version !== w.readVersion || item.withdrawn === w.withdraw) return null;
        Object.assign(item, {
          withdrawn: w.withdraw,
          withdrawnBy: w.withdraw ? w.actor.userId : null,
          withdrawReason: w.withdraw ? w.reason : null,
          version: item.version + 1,
        });
        this.appendLine(item, w.actor, w.withdraw ? 'WITHDRAW' : 'RESTORE', item.status, w.historyPayload);
        this.state.outbox.push({ itemId: item.id, reason: w.withdraw ? 'WITHDRAW' : 'RESTORE' });
        return item.version;
      },
      currentState: async (itemId): Promise<ItemStateRecord | null> => {
        const item = this.state.items.get(itemId);
        return item ? { status: item.status, version: item.version } : null;
      },
    };
  }

  private evidenceTx(): EvidenceTransaction {
    return {
      lockItem: async (itemId): Promise<LockedItemRecord | null> => {
        const item = this.state.items.get(itemId);
        return item ? { id: item.id, status: item.status, withdrawn: item.withdrawn } : null;
      },
      liveFileUsage: async (itemId) => {
        const files = this.state.evidence.filter((e) => e.itemId === itemId && e.storageKey && !e.deletedBy);
        return { files: files.length, bytes: files.reduce((sum, e) => sum + (e.sizeBytes ?? 0), 0) };
      },
      insertFile: async (file: NewEvidenceFile): Promise<string> => {
        const id = this.evidenceId();
        this.state.evidence.push({ ...file, id, deletedBy: null });
        return id;
      },
      findLiveFileForUpdate: async (itemId, evidenceId): Promise<LockedEvidenceFile | null> => {
        const row = this.live(itemId, evidenceId);
        if (!row?.storageKey) return null;
        return { id: row.id, fileName: row.fileName, storageKey: row.storageKey, createdBy: row.createdBy };
      },
      markDeleted: async (evidenceId, deletedBy) => {
        const row = this.state.evidence.find((e) => e.id === evidenceId);
        if (row) row.deletedBy = deletedBy;
      },
      appendHistory: async (itemId, actor, event, payload) => {
        const item = this.state.items.get(itemId);
        if (!item) throw new Error(`no item ${itemId}`);
        item.version++;
        this.appendLine(item, actor, event, item.status, payload);
        return item.version;
      },
    };
  }

  private live(itemId: string, evidenceId: string): StoredEvidence | undefined {
    return this.state.evidence.find((e) => e.id === evidenceId && e.itemId === itemId && !e.deletedBy);
  }

  private appendLine(
    item: StoredItem,
    actor: HistoryActor,
    event: string,
    fromStatus: string | null,
    payload: Record<string, unknown>,
  ): void {
    this.state.history.push({
      itemId: item.id,
      seq: item.version,
      actor: { userId: actor.userId, role: actor.role },
      event,
      fromStatus,
      toStatus: item.status,
      payload,
    });
  }

  private evidenceId(): string {
    return `00000000-0000-4000-9000-${String(this.nextEvidence++).padStart(12, '0')}`;
  }
}
