import { formatCounter } from './number-format';
import {
  type AbstractNumbering,
  type LevelDefinition,
  MAX_LEVELS,
  type NumberingDefinitions,
} from './numbering';
import { type NumberingRef, type StyleCatalogue } from './styles';

/** `w:numStyleLink` hops followed before giving up (a link to a link is already unusual). */
const MAX_STYLE_LINKS = 4;

// After these, Word puts no space in front of the text: 一、理论学习 （一）理论学习.
const CLOSING_PUNCTUATION = /[、，。．：；）】〕」』”’\u3000]$/;

/**
 * Word's automatic numbering, counted paragraph by paragraph in document order: call `label`
 * for every paragraph Word shows, and it answers the label Word displays in front of it
 * ("一、", "（二）", "1.2 ", "• "), or '' when the paragraph is not numbered.
 *
 * How Word counts, as implemented here: counters belong to the abstract list (`w:abstractNum`),
 * so several `w:num` instances of one abstract list continue one sequence; the first
 * paragraph of an instance with a `w:lvlOverride` (`w:startOverride`, or a replacing `w:lvl`)
 * restarts that level; a level starts at its `w:start` the first time and again whenever a
 * higher level advances (or, with `w:lvlRestart`, only a level above the one it names); a
 * level the text refers to but no paragraph used yet counts as its start value.
 */
export class ListCounter {
  /** Counter values by abstract list id; undefined means "not started". */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** "numId/ilvl" of the overrides already applied. */
  private readonly overridesApplied = new Set<string>();

  constructor(
    private readonly defs: NumberingDefinitions,
    private readonly styles: StyleCatalogue,
  ) {}

  /**
   * The label of a paragraph with direct numbering `direct` (its `w:numPr`) and style
   * `pStyle`, advancing the counters. '' when it is not numbered or names a list that does
   * not exist.
   */
  label(direct: NumberingRef, pStyle: string | undefined): string {
    if (direct.numId === undefined && this.defs.nums.size === 0) return '';
    const styleId = this.styles.effectiveStyle(pStyle);
    const inherited =
      direct.numId === undefined || direct.ilvl === undefined ? this.styles.inheritedNumbering(styleId) : {};
    const numId = direct.numId ?? inherited.numId;
    if (numId === undefined || numId === '0') return '';
    const num = this.defs.nums.get(numId);
    if (!num) return '';
    const resolved = this.resolveAbstract(num.abstractNumId);
    if (!resolved) return '';
    const [abstractId, abstract] = resolved;
    let ilvl = direct.ilvl ?? inherited.ilvl;
    if (ilvl === undefined) {
      const linked = abstract.levels.findIndex((l) => l?.pStyle !== undefined && l.pStyle === styleId);
      ilvl = linked === -1 ? 0 : linked;
    }
    if (ilvl < 0 || ilvl >= MAX_LEVELS) return '';
    const levels = Array.from(
      { length: MAX_LEVELS },
      (_, i) => num.overrides.get(i)?.level ?? abstract.levels[i],
    );
    const level = levels[ilvl];
    if (!level) return '';

    const counters = this.countersOf(abstractId);
    const override = num.overrides.get(ilvl);
    const overrideKey = `${numId}/${ilvl}`;
    const restartAt = override?.start ?? override?.level?.start;
    if (restartAt !== undefined && !this.overridesApplied.has(overrideKey)) {
      this.overridesApplied.add(overrideKey);
      counters[ilvl] = restartAt;
    } else {
      counters[ilvl] = counters[ilvl] === undefined ? level.start : (counters[ilvl] as number) + 1;
    }
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = levels[deeper]?.restart;
      if (restart === undefined || ilvl < restart) counters[deeper] = undefined;
    }
    return this.render(level, levels, counters);
  }

  private render(
    level: LevelDefinition,
    levels: (LevelDefinition | undefined)[],
    counters: (number | undefined)[],
  ): string {
    if (level.numFmt === 'bullet') return '• ';
    const text = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const i = Number(digit) - 1;
      const value = counters[i] ?? levels[i]?.start ?? 0;
      return formatCounter(value, level.legal ? 'decimal' : (levels[i]?.numFmt ?? 'decimal'));
    });
    if (text === '' || level.suffix === 'nothing' || CLOSING_PUNCTUATION.test(text)) return text;
    return `${text} `;
  }

  private countersOf(abstractId: string): (number | undefined)[] {
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = new Array<number | undefined>(MAX_LEVELS).fill(undefined);
      this.counters.set(abstractId, counters);
    }
    return counters;
  }

  /** The abstract list that holds the levels, following `w:numStyleLink` through its numbering style. */
  private resolveAbstract(abstractNumId: string): [string, AbstractNumbering] | undefined {
    let id = abstractNumId;
    for (let hop = 0; hop <= MAX_STYLE_LINKS; hop++) {
      const abstract = this.defs.abstracts.get(id);
      if (!abstract) return undefined;
      if (abstract.numStyleLink === undefined) return [id, abstract];
      const numId = this.styles.numberingStyleNumId(abstract.numStyleLink);
      const next = numId === undefined ? undefined : this.defs.nums.get(numId)?.abstractNumId;
      if (next === undefined || next === id) return [id, abstract];
      id = next;
    }
    return undefined;
  }
}
