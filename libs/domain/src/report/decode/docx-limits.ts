/**
 * Bounds on what reading one .docx may cost. A .docx is a zip archive: 10 MB of upload can
 * declare gigabytes of content (a "zip bomb"), and a few MB of XML with millions of tiny
 * elements keeps the XML reader busy for minutes. Every bound is checked before the work it
 * bounds: the archive's central directory before anything is inflated, the inflated size while
 * inflating, and the XML's element count and depth before it is parsed.
 *
 * Measured with this project's reader (docx/read-docx.ts: saxes and a light tree) on a loaded
 * 2-core machine: 3.5–10 µs and about 0.5–1 KB of memory per XML element (a table of 15,000
 * rows and one of 30,000 cells is the costliest shape), so the element budget bounds a read
 * to about 2 s and 160 MB in the worst case. A long real report (100 pages) has some 30,000
 * elements and a few dozen archive entries.
 */
export interface DocxLimits {
  /** Entries (files and folders) in the archive's central directory. */
  maxEntries: number;
  /** Sum of the uncompressed sizes the central directory declares, in bytes. */
  maxDeclaredBytes: number;
  /** uncompressed ÷ compressed size of one entry, checked for entries over `ratioFloorBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this (bytes, uncompressed) cannot hurt whatever their ratio. */
  ratioFloorBytes: number;
  /** Bytes actually inflated while reading, summed over every part read (a part read twice counts twice). */
  maxInflatedBytes: number;
  /** XML elements summed over every part read. */
  maxXmlElements: number;
  /** Nesting depth of XML elements in any one part. */
  maxXmlDepth: number;
}

const MiB = 1024 * 1024;

export const DOCX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  maxEntries: 2_000,
  maxDeclaredBytes: 64 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MiB,
  maxInflatedBytes: 32 * MiB,
  maxXmlElements: 200_000,
  maxXmlDepth: 128,
});
