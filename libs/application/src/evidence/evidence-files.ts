import { type EvidenceFileStore } from '@rectify/persistence';

/**
 * The file side of evidence (整改佐证) as the use cases need it: stage bytes and commit or
 * discard them, read a file back, remove one. EvidenceFileStore is the one on disk.
 */
export type EvidenceFiles = Pick<EvidenceFileStore, 'stage' | 'read' | 'remove'>;
