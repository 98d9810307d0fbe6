import { InMemoryEvidenceStore } from '../testing/in-memory-evidence-store';
import { InMemoryViewersRepository } from '../testing/in-memory-viewers.repository';
import { itemsWorld } from '../testing/items-world';
import { ReadEvidenceUseCase } from './read-evidence.usecase';

function setUp() {
  const world = itemsWorld();
  const files = new InMemoryEvidenceStore();
  files.committed.set('key-1', Buffer.from('%PDF-1'));
  const evidence = world.items.addEvidence({
    itemId: world.item.id,
    text: '会议记录',
    fileName: '会议记录.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 6,
    storageKey: 'key-1',
    createdBy: world.secretary.userId,
  });
  const viewers = new InMemoryViewersRepository([
    world.secretary,
    world.otherSecretary,
    world.townSupervisor,
  ]);
  const uc = new ReadEvidenceUseCase(viewers, world.items, files);
  const read = (userId: string, evidenceId = evidence.id, itemId = world.item.id) =>
    uc.execute({ userId, itemId, evidenceId });
  return { ...world, files, evidence, read };
}

describe('ReadEvidenceUseCase', () => {
  it('hands the file to anyone who may see the item', async () => {
    const { secretary, townSupervisor, read } = setUp();
    const expected = { fileName: '会议记录.pdf', mimeType: 'application/pdf', bytes: Buffer.from('%PDF-1') };
    await expect(read(secretary.userId)).resolves.toEqual(expected);
    await expect(read(townSupervisor.userId)).resolves.toEqual(expected);
  });

  it('answers ITEM_NOT_FOUND out of scope, before saying anything about the file', async () => {
    const { otherSecretary, read } = setUp();
    await expect(read(otherSecretary.userId)).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(read(otherSecretary.userId, 'nope')).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('answers EVIDENCE_NOT_FOUND for an unknown, deleted or vanished file', async () => {
    const { items, files, secretary, unknownId, read } = setUp();
    await expect(read(secretary.userId, unknownId)).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    files.committed.clear();
    await expect(read(secretary.userId)).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    await items.evidenceTransaction((tx) => tx.markDeleted(items.evidence[0].id, secretary.userId));
    await expect(read(secretary.userId)).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
  });

  it('answers USER_NOT_FOUND for an account that is gone, and ITEM_NOT_FOUND for a malformed item id', async () => {
    const { secretary, unknownId, evidence, read } = setUp();
    await expect(read(unknownId)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    await expect(read(secretary.userId, evidence.id, 'x')).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });
});
