/**
 * An uploaded file written under a key, not yet evidence. The use case inserts the evidence row
 * that names `key`, calls `commit()` as the last step of that transaction, and `discard()` if
 * anything failed (the insert, the commit), so no file is left without its row.
 */
export interface StagedEvidence {
  /** The storage key (a UUID) the file has once committed; stored in the evidence row. */
  readonly key: string;
  /** Makes the file readable under `key`; a failure rolls the evidence row back. */
  commit(): Promise<void>;
  /** Removes the file, staged or already committed; harmless when it is gone. Never throws. */
  discard(): Promise<void>;
}

/**
 * Where the bytes of evidence files (整改佐证) live, as the use cases need it: stage bytes then
 * commit or discard them, read a file back, remove one. The adapters (libs/persistence): the
 * local disk under EVIDENCE_DIR (the default, one machine) and PostgreSQL (`EVIDENCE_STORE=database`,
 * seen by every API process of the installation). A file is at most MAX_EVIDENCE_BYTES.
 */
export interface EvidenceStore {
  /** Writes the bytes under a new key; see StagedEvidence for what the caller does next. */
  stage(bytes: Uint8Array): Promise<StagedEvidence>;
  /** The bytes of a committed file; null when there is none under this key (or it is malformed). */
  read(key: string): Promise<Buffer | null>;
  /** Removes a committed file; a file already gone is not an error. Rejects on a storage fault. */
  remove(key: string): Promise<void>;
}
