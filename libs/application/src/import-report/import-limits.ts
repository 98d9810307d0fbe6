/**
 * Bounds of one report import (and of a preview or a reconciliation of a file), besides the
 * readers' own (MAX_REPORT_BYTES, the table and package limits in libs/domain). A real report
 * names tens of problems and a 问题清单 spreadsheet hundreds; past these bounds the upload is
 * refused or the comparison cut, so no upload can occupy the server for long. Fixed in code
 * (SECURITY.md lists them), not configuration.
 */
export const IMPORT_LIMITS = {
  /**
   * Problems one file may yield; more are refused with 413 REPORT_TOO_LARGE (details.reason
   * TOO_MANY_PROBLEMS) before anything is stored. 2,000 × 3 rows a problem is a transaction of a
   * few seconds.
   */
  maxProblems: 2_000,
  /**
   * Measures stored for one file, counted once per problem a measure answers (a measure linked
   * to three problems is stored three times); more are refused likewise (reason TOO_MANY_MEASURES).
   */
  maxMeasureLinks: 20_000,
  /**
   * Items of the organisation's other years within the recurrence window that one problem is
   * compared with, on each side (earlier years, later years): those sharing a recurrence key
   * with it, the most keys in common first; past it the rest are not compared and a warning
   * says so (a key shared by more items than this is read for the nearest years' only). With
   * maxProblems it bounds the similarity work to 2 × 100,000 pairs (a fraction of a second of
   * one worker thread) and the index lookup likewise, however many items the organisation has.
   */
  maxCandidatesPerProblem: 50,
  /**
   * Problem–candidate pairs (see maxCandidatesPerProblem) scored in the importing thread rather
   * than handed to a worker thread: about 1.5 µs a pair, so at most 3 ms of the event loop, where
   * the hand-over and back cost 1.5 ms of an import's wait (stop 37, bench/README.md).
   */
  inlineScorePairs: 2_000,
  /**
   * Reconciliations (上年度整改情况 against last year's items) worked out in the importing thread
   * rather than a worker thread, in claim–item comparisons, (claims + 1) × items (see
   * reconcileUnits): 0.7–1.4 µs each, so at most about 3 ms of the event loop (2.7 ms for 2,000
   * items and no claims), where copying the items to a worker thread and the findings back cost
   * 0.2–6.5 ms more at that size (stop 38, bench/README.md).
   */
  inlineReconcileUnits: 2_000,
  /**
   * Worker threads that read files and score similarity, so at most this many uploads use a
   * core at once; further ones wait their turn (holding only their bytes).
   */
  threads: 2,
  /**
   * Milliseconds one task (reading a file, or scoring its problems) may take from being handed
   * to the threads, waiting included; past it the thread is stopped and the upload refused
   * (413 REPORT_TOO_LARGE, details.reason WORK_LIMIT_EXCEEDED).
   */
  taskTimeoutMs: 120_000,
  /** JavaScript heap of each worker thread, in MiB; a task that needs more is refused likewise. */
  maxHeapMb: 1_024,
  /** Milliseconds an idle worker thread is kept before it ends (a new one loads in well under a second). */
  idleTimeoutMs: 30_000,
} as const;
