import { child, childVal, childrenNamed, intAttr, type XmlElement } from './ooxml-tree';

/** The numbering a paragraph carries in its own `w:pPr/w:numPr` or through its style. */
export interface NumberingRef {
  /** `w:numId`; "0" removes numbering a style would give. */
  numId?: string;
  /** `w:ilvl`, 0–8. */
  ilvl?: number;
}

interface ParagraphStyle {
  basedOn?: string;
  numbering: NumberingRef;
}

/** `basedOn` chains longer than this are treated as cycles (Word's UI stops far earlier). */
const MAX_STYLE_CHAIN = 32;

/**
 * What this reader needs of styles.xml: each paragraph style's `w:numPr` and `w:basedOn`, the
 * default paragraph style, and the numbering styles (`w:type="numbering"`) that
 * `w:numStyleLink` points at. An absent styles part gives an empty catalogue.
 */
export class StyleCatalogue {
  private readonly paragraphStyles = new Map<string, ParagraphStyle>();
  private readonly numberingStyles = new Map<string, string>();
  private defaultParagraphStyle: string | undefined;

  constructor(styles: XmlElement | undefined) {
    const root = styles ? child(styles, 'w:styles') : undefined;
    if (!root) return;
    for (const style of childrenNamed(root, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const numPr = child(child(style, 'w:pPr'), 'w:numPr');
      const numbering: NumberingRef = {
        numId: childVal(numPr, 'w:numId'),
        ilvl: intAttr(childVal(numPr, 'w:ilvl')),
      };
      const type = style.attrs['w:type'];
      if (type === 'numbering') {
        if (numbering.numId !== undefined) this.numberingStyles.set(id, numbering.numId);
      } else if (type === 'paragraph' || type === undefined) {
        this.paragraphStyles.set(id, { basedOn: childVal(style, 'w:basedOn'), numbering });
        const isDefault = style.attrs['w:default'];
        if (type === 'paragraph' && isDefault !== undefined && isOn(isDefault))
          this.defaultParagraphStyle = id;
      }
    }
  }

  /** The style a paragraph with `pStyle` (or none) has: its own, else the default paragraph style. */
  effectiveStyle(pStyle: string | undefined): string | undefined {
    return pStyle !== undefined && this.paragraphStyles.has(pStyle) ? pStyle : this.defaultParagraphStyle;
  }

  /**
   * The numbering inherited from `styleId` and the styles it is based on: the nearest `numId`,
   * with the nearest `ilvl` set by that style or a style derived from it (Heading3 may set only
   * the level of Heading2's list). A style whose list has no level set leaves `ilvl` undefined:
   * the level linked to the style (`w:lvl/w:pStyle`) then decides, as for Word's heading lists.
   */
  inheritedNumbering(styleId: string | undefined): NumberingRef {
    const found: NumberingRef = {};
    let id = styleId;
    for (let hop = 0; id !== undefined && hop < MAX_STYLE_CHAIN; hop++) {
      const style = this.paragraphStyles.get(id);
      if (!style) break;
      found.ilvl ??= style.numbering.ilvl;
      if (style.numbering.numId !== undefined) return { numId: style.numbering.numId, ilvl: found.ilvl };
      id = style.basedOn;
    }
    return {};
  }

  /** The `numId` of numbering style `styleId` (the target of a `w:numStyleLink`). */
  numberingStyleNumId(styleId: string): string | undefined {
    return this.numberingStyles.get(styleId);
  }
}

/** An OOXML on/off value: absent, "1", "true" and "on" mean on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || value === '1' || value === 'true' || value === 'on';
}
