import { InMemoryEvidenceStore } from '../testing/in-memory-evidence-store';
import { itemsWorld } from '../testing/items-world';
import { DeleteEvidenceUseCase } from './delete-evidence.usecase';

function setUp() {
  const world = itemsWorld();
  const files = new InMemoryEvidenceStore();
  files.committed.set('key-1', Buffer.from('%PDF'));
  const evidence = world.items.addEvidence({
    itemId: world.item.id,
    text: '会议记录',
    fileName: '会议记录.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 4,
    storageKey: 'key-1',
    createdBy: world.secretary.userId,
  });
  const uc = new DeleteEvidenceUseCase(world.items, files);
  const remove = (userId: string, evidenceId = evidence.id) =>
    uc.execute({ itemId: world.item.id, evidenceId, userId });
  return { ...world, files, evidence, remove };
}

describe('DeleteEvidenceUseCase', () => {
  it('lets the uploader withdraw the file: marked deleted, history line, file removed', async () => {
    const { items, files, secretary, item, evidence, remove } = setUp();
    await expect(remove(secretary.userId)).resolves.toEqual({
      itemId: item.id,
      evidenceId: evidence.id,
      version: 2,
      fileRemoved: true,
    });
    expect(items.evidence[0].deletedBy).toBe(secretary.userId);
    expect(items.history).toEqual([
      expect.objectContaining({
        event: 'DELETE_EVIDENCE',
        payload: { evidenceId: evidence.id, fileName: '会议记录.pdf' },
      }),
    ]);
    expect(files.committed.has('key-1')).toBe(false);
  });

  it('lets an administrator delete anyone’s file, nobody else', async () => {
    const { admin, villageSupervisor, townSupervisor, remove } = setUp();
    await expect(remove(villageSupervisor.userId)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
    await expect(remove(townSupervisor.userId)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
    await expect(remove(admin.userId)).resolves.toMatchObject({ fileRemoved: true });
  });

  it('keeps evidence once the item is signed off', async () => {
    const { items, secretary, item, remove } = setUp();
    items.item(item.id)!.status = 'completed';
    await expect(remove(secretary.userId)).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED_IN_STATE' });
    expect(items.evidence[0].deletedBy).toBeNull();
  });

  it('answers not found for an unknown, malformed or already deleted file, and for an item out of scope', async () => {
    const { secretary, otherSecretary, unknownId, remove } = setUp();
    await expect(remove(secretary.userId, unknownId)).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    await expect(remove(secretary.userId, 'nope')).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    await remove(secretary.userId);
    await expect(remove(secretary.userId)).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    await expect(remove(otherSecretary.userId)).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('reports a file it could not remove from disk, the deletion standing', async () => {
    const { items, files, secretary, remove } = setUp();
    files.failRemove = true;
    await expect(remove(secretary.userId)).resolves.toMatchObject({ fileRemoved: false });
    expect(items.evidence[0].deletedBy).toBe(secretary.userId);
  });
});
