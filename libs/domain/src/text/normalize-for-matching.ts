import { TRADITIONAL_SIMPLIFIED_PAIRS } from './traditional-to-simplified.table';

/**
 * A length-preserving "matching key" for Chinese text: Traditional characters become
 * Simplified, full-width ASCII becomes ASCII (（ → (, ： → :, ； → ;, ， → ,), and corner
 * quotes become curly quotes. Patterns run on the key; results are cut from the original
 * text at the same offsets, so a Traditional report keeps its own script in the output.
 */
const STANDARD_SIMPLIFIED = '群吃峰床痴皂秘灶粽才唇核么';

const TABLE: Uint16Array = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let i = 0; i + 1 < TRADITIONAL_SIMPLIFIED_PAIRS.length; i += 2) {
    table[TRADITIONAL_SIMPLIFIED_PAIRS.charCodeAt(i)] = TRADITIONAL_SIMPLIFIED_PAIRS.charCodeAt(i + 1);
  }
  // The table pairs some standard characters both ways with a variant (群 ↔ 羣, 核 ↔ 覈); the
  // standard one must stay itself, or "群众" and "考核" would never match a pattern.
  for (const c of STANDARD_SIMPLIFIED) table[c.charCodeAt(0)] = c.charCodeAt(0);
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20; // ideographic space
  table[0x00a0] = 0x20; // no-break space
  table[0x300c] = table[0x300e] = 0x201c; // 「 『 → “
  table[0x300d] = table[0x300f] = 0x201d; // 」 』 → ”
  table[0xff0e] = 0x2e; // ．
  return table;
}

const UTF16 = new TextDecoder('utf-16le');

export function normalizeForMatching(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const codes = new Uint16Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const m = TABLE[c];
    codes[i] = m;
    if (m !== c) changed = true;
  }
  // Decoding the code units back is much faster than String.fromCharCode over large arrays.
  return changed ? UTF16.decode(codes) : text;
}

/** True when the text uses characters that only Traditional Chinese has. */
export function looksTraditional(text: string): boolean {
  let traditional = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (TABLE[c] !== c) traditional++;
    }
  }
  return han > 0 && traditional / han > 0.05;
}
