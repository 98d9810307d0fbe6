import { type EventEmitter } from 'node:events';
import { type Writable } from 'node:stream';

/** Rows between two waits for the sheet's zip entry to take what was written (see sheetTaken). */
export const SHEET_CHECK_ROWS = 100;

/** What exceljs's streaming worksheet writes its XML to (internal: its StreamBuf and the zip entry it feeds). */
interface SheetStream {
  pipes?: (EventEmitter & { _writableState?: { needDrain?: boolean }; destroyed?: boolean })[];
}

/**
 * Waits until the zip entry of a streaming worksheet has taken the XML written so far. exceljs's
 * StreamBuf writes committed rows into archiver's entry without heeding its backpressure, and
 * rows are built faster than zlib compresses them, so without this wait the XML of every row
 * piles up in memory (about 2.5 KB a ledger row) until the sheet ends. Reads exceljs internals
 * (4.4): when they are not there, it returns at once, as writing did before.
 */
export async function sheetTaken(sheet: unknown): Promise<void> {
  const entry = (sheet as { stream?: SheetStream }).stream?.pipes?.[0];
  if (!entry?._writableState?.needDrain || entry.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      entry.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    entry.on('drain', done).on('close', done).on('error', done);
  });
}

/**
 * Waits until `out` has room again (its reader keeps up), so pages are not read faster than the
 * client downloads; throws when `out` was closed (the client went away) to stop reading pages.
 */
export async function taken(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done).off('close', done).off('error', done);
        resolve();
      };
      out.on('drain', done).on('close', done).on('error', done);
    });
  }
  if (out.destroyed) throw new Error('下载已中断：连接已关闭');
}
