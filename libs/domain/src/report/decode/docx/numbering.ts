import { child, childVal, childrenNamed, intAttr, type XmlElement } from './ooxml-tree';
import { isOn } from './styles';

/** One level (0–8) of a list definition (`w:lvl`). */
export interface LevelDefinition {
  start: number;
  /** `w:numFmt` (decimal, chineseCounting, bullet …). */
  numFmt: string;
  /** `w:lvlText` with %1 … %9 standing for the counters of levels 0 … 8 ("%1、", "（%2）"). */
  lvlText: string;
  /**
   * `w:lvlRestart`: this level restarts when a level numbered (1-based) below this value
   * advances; 0 never. Undefined: whenever any higher level advances.
   */
  restart?: number;
  /** `w:isLgl`: every counter in the label is written in decimal (legal numbering 1.1.1). */
  legal: boolean;
  /** `w:suff`: what follows the label. */
  suffix: 'tab' | 'space' | 'nothing';
  /** `w:pStyle`: the paragraph style linked to this level. */
  pStyle?: string;
}

/** `w:abstractNum`: the levels of a list, or a `w:numStyleLink` to a numbering style that has them. */
export interface AbstractNumbering {
  levels: (LevelDefinition | undefined)[];
  numStyleLink?: string;
}

/** `w:num`: a list instance (what `w:numId` names) and its `w:lvlOverride`s. */
export interface NumberingInstance {
  abstractNumId: string;
  /** By level: a new start (`w:startOverride`) and/or a replacing level definition. */
  overrides: Map<number, { start?: number; level?: LevelDefinition }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  nums: Map<string, NumberingInstance>;
}

/** Levels are 0–8 in every Word version. */
export const MAX_LEVELS = 9;

/** `w:numFmt` directly, or in `mc:AlternateContent` (Word 2010 writes custom formats so). */
function numFmtOf(lvl: XmlElement): string {
  const direct = childVal(lvl, 'w:numFmt');
  if (direct !== undefined) return direct;
  const alternate = child(lvl, 'mc:AlternateContent');
  const fallback = childVal(child(alternate, 'mc:Fallback'), 'w:numFmt');
  if (fallback !== undefined) return fallback;
  const choice = child(alternate, 'mc:Choice');
  const custom = child(choice, 'w:numFmt');
  // "01, 02, 03, ..." is the only custom format reports use: decimal with a leading zero.
  if (custom?.attrs['w:val'] === 'custom')
    return /^0\d/.test(custom.attrs['w:format'] ?? '') ? 'decimalZero' : 'decimal';
  return custom?.attrs['w:val'] ?? 'decimal';
}

function readLevel(lvl: XmlElement): LevelDefinition {
  const suff = childVal(lvl, 'w:suff');
  const isLgl = child(lvl, 'w:isLgl');
  return {
    start: intAttr(childVal(lvl, 'w:start')) ?? 0,
    numFmt: numFmtOf(lvl),
    lvlText: childVal(lvl, 'w:lvlText') ?? '',
    restart: intAttr(childVal(lvl, 'w:lvlRestart')),
    legal: isLgl !== undefined && isOn(isLgl.attrs['w:val']),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: childVal(child(lvl, 'w:pPr'), 'w:pStyle') ?? childVal(lvl, 'w:pStyle'),
  };
}

function levelIndex(element: XmlElement): number | undefined {
  const ilvl = intAttr(element.attrs['w:ilvl']);
  return ilvl !== undefined && ilvl >= 0 && ilvl < MAX_LEVELS ? ilvl : undefined;
}

/** The list definitions of numbering.xml; none when the part is absent. */
export function readNumbering(numbering: XmlElement | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  const root = numbering ? child(numbering, 'w:numbering') : undefined;
  if (!root) return defs;
  for (const abstract of childrenNamed(root, 'w:abstractNum')) {
    const id = abstract.attrs['w:abstractNumId'];
    if (id === undefined) continue;
    const levels: (LevelDefinition | undefined)[] = [];
    for (const lvl of childrenNamed(abstract, 'w:lvl')) {
      const index = levelIndex(lvl);
      if (index !== undefined) levels[index] = readLevel(lvl);
    }
    defs.abstracts.set(id, { levels, numStyleLink: childVal(abstract, 'w:numStyleLink') });
  }
  for (const num of childrenNamed(root, 'w:num')) {
    const id = num.attrs['w:numId'];
    const abstractNumId = childVal(num, 'w:abstractNumId');
    if (id === undefined || abstractNumId === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: LevelDefinition }>();
    for (const override of childrenNamed(num, 'w:lvlOverride')) {
      const index = levelIndex(override);
      if (index === undefined) continue;
      const lvl = child(override, 'w:lvl');
      overrides.set(index, {
        start: intAttr(childVal(override, 'w:startOverride')),
        level: lvl ? readLevel(lvl) : undefined,
      });
    }
    defs.nums.set(id, { abstractNumId, overrides });
  }
  return defs;
}
