import { MAX_EVIDENCE_BYTES } from '../evidence/evidence-file-type';
import { MAX_EVIDENCE_FILES_PER_ITEM } from '../evidence/evidence-limits';
import { InMemoryEvidenceStore } from '../testing/in-memory-evidence-store';
import { itemsWorld } from '../testing/items-world';
import { AttachEvidenceUseCase } from './attach-evidence.usecase';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);

function setUp() {
  const world = itemsWorld();
  const files = new InMemoryEvidenceStore();
  const uc = new AttachEvidenceUseCase(world.items, files);
  const attach = (userId: string, bytes: Uint8Array = PDF, name = '会议记录.pdf') =>
    uc.execute({ itemId: world.item.id, userId, text: '', file: { name, bytes } });
  return { ...world, files, attach };
}

describe('AttachEvidenceUseCase', () => {
  it('files the evidence, commits the file and writes an ATTACH_EVIDENCE history line', async () => {
    const { items, files, secretary, item, attach } = setUp();
    const result = await attach(secretary.userId);
    expect(result).toEqual({
      id: expect.any(String),
      fileName: '会议记录.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      version: 2,
    });
    expect(items.evidence).toEqual([
      expect.objectContaining({ id: result.id, text: '会议记录.pdf', createdBy: secretary.userId }),
    ]);
    expect([...files.committed.keys()]).toHaveLength(1);
    expect(items.history).toEqual([
      expect.objectContaining({ itemId: item.id, seq: 2, event: 'ATTACH_EVIDENCE' }),
    ]);
  });

  it('refuses a supervisor (403) and, after sign-off, the secretary (409)', async () => {
    const { items, townSupervisor, secretary, item, attach } = setUp();
    await expect(attach(townSupervisor.userId)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
    items.item(item.id)!.status = 'completed';
    await expect(attach(secretary.userId)).rejects.toMatchObject({ code: 'EVENT_NOT_ALLOWED_IN_STATE' });
    await expect(attach(townSupervisor.userId)).rejects.toMatchObject({ code: 'ACTOR_NOT_PERMITTED' });
  });

  it('hides an item out of scope as not found', async () => {
    const { otherSecretary, attach } = setUp();
    await expect(attach(otherSecretary.userId)).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('checks the file: empty, too large, of a type it does not take', async () => {
    const { secretary, attach, items } = setUp();
    await expect(attach(secretary.userId, new Uint8Array())).rejects.toMatchObject({
      code: 'EVIDENCE_EMPTY',
    });
    const huge = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    huge.set(PDF);
    await expect(attach(secretary.userId, huge)).rejects.toMatchObject({ code: 'EVIDENCE_TOO_LARGE' });
    await expect(attach(secretary.userId, new Uint8Array([0x4d, 0x5a, 0x00, 0x01]))).rejects.toMatchObject({
      code: 'EVIDENCE_UNSUPPORTED_TYPE',
    });
    expect(items.evidence).toEqual([]);
  });

  it('refuses a file past the per-item count, writing nothing and discarding the staged file', async () => {
    const { items, files, secretary, item, attach } = setUp();
    for (let i = 0; i < MAX_EVIDENCE_FILES_PER_ITEM; i++) {
      items.addEvidence({
        itemId: item.id,
        text: `第${i}份`,
        fileName: `${i}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: 10,
        storageKey: `old-${i}`,
        createdBy: secretary.userId,
      });
    }
    await expect(attach(secretary.userId)).rejects.toMatchObject({
      code: 'EVIDENCE_LIMIT_REACHED',
      details: expect.objectContaining({ limit: 'files', files: MAX_EVIDENCE_FILES_PER_ITEM }),
    });
    expect(items.evidence).toHaveLength(MAX_EVIDENCE_FILES_PER_ITEM);
    expect(items.history).toEqual([]);
    expect(files.discarded).toHaveLength(1);
    expect(items.item(item.id)!.version).toBe(1);
  });
});
