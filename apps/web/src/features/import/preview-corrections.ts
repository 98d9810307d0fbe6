/** What the administrator changed in the preview: problems to drop and rewritten titles, by seq. */
export interface PreviewCorrections {
  dropped: Set<number>;
  titles: Record<number, string>;
}

/** The corrections field of POST /api/reports: only titles that differ from the extraction's. */
export function correctionsField(
  corrections: PreviewCorrections,
  extracted: readonly { seq: number; title: string }[],
): string | undefined {
  const titles = Object.fromEntries(
    Object.entries(corrections.titles).filter(
      ([seq, title]) => extracted.find((p) => p.seq === Number(seq))?.title !== title.trim(),
    ),
  );
  if (corrections.dropped.size === 0 && Object.keys(titles).length === 0) return undefined;
  return JSON.stringify({ dropProblemSeqs: [...corrections.dropped], titles });
}
