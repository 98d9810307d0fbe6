import { type ReportLine } from './report-line';

/**
 * A report ends with its signature block: the organisation's name, the signer (述职人：XXX /
 * 对照检查人：XXX), the date (2024年1月10日 / 二〇二四年一月), and often a closing remark (以上述职，
 * 不妥之处请批评指正 / 请对照上述问题和要求…). None of it is a problem or a measure: the trailing
 * block is dropped, and so is a bare date or signer line anywhere.
 */
const CN_DIGITS = '[〇○零一二三四五六七八九]';
const DATE_ONLY = new RegExp(
  `^(?:(?:19|20)\\d{2}|${CN_DIGITS}{4})\\s*年\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月(?:\\s*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日)?$`,
);
const SIGNER =
  /^(?:述职人|汇报人|报告人|发言人|对照检查人|检视人|剖析人|检查人|署名|落款|单位)\s*[:]?.{0,16}$/;
// 中共XX支部委员会 / 某社区党委 / XX公司党总支 (2024年1月5日)
const ORGANISATION =
  /^[^,。;:!?]{2,30}(?:委员会|支部|党委|总支|党组|党工委|办公室|公司|学校|医院|局|中心|社区|村|街道|镇|乡|组织部)(?:\s*(?:19|20)\d{2}年.*)?$/;
const CLOSING_REMARK =
  /^(?:以上(?:述职|报告|汇报|发言|材料|是|为|就是)|不妥之处|请(?:各位|大家|上级|各|对照|结合|认真)|特此(?:报告|通报)|谢谢)/;

const isSignature = (key: string) => DATE_ONLY.test(key) || SIGNER.test(key);

export function stripClosing(lines: ReportLine[]): ReportLine[] {
  let end = lines.length;
  while (end > 0) {
    const key = lines[end - 1].key.replace(/\s+$/, '');
    if (
      !lines[end - 1].marker &&
      (isSignature(key) || ORGANISATION.test(key) || (CLOSING_REMARK.test(key) && key.length <= 120))
    ) {
      end--;
      continue;
    }
    break;
  }
  return lines.slice(0, end).filter((l) => !isSignature(l.key.trim()));
}
