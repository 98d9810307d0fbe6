import {
  type ClosingDocument,
  composeLastYearSection,
  type LastYearSection,
  sectionDocument,
  shanghaiDate,
} from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { asOfDay, assertYear, type OrganisationRef, resolveTarget } from './closing-loop-target';
import { loadTrackedItems } from './load-tracked-items';

export interface SectionRequest extends OrganisationRef {
  /** The year of the report the section opens; it accounts for the problems of the year before. */
  reportYear: number;
  /** Today (ISO date) unless given: decides whether an unfinished item is past its deadline. */
  asOf?: string;
}

export interface SectionResult {
  organisation: { id: string; name: string };
  section: LastYearSection;
  document: ClosingDocument;
}

/** Writes an organisation's 上年度整改情况 from its tracked items of the year before. */
export async function generateLastYearSection(
  db: DataSource,
  request: SectionRequest,
): Promise<SectionResult> {
  assertYear(request.reportYear, '报告年度');
  const target = await resolveTarget(db, request);
  const problemYear = request.reportYear - 1;
  const items = await loadTrackedItems(db, {
    organisation: target.organisation,
    subtree: false,
    problemYear,
    viewer: target.viewer,
  });
  if (items.length === 0) {
    throw new ApplicationError(
      'NO_TRACKED_ITEMS',
      `${target.organisation.name}没有${problemYear}年度的整改事项，无法生成${request.reportYear}年度报告的上年度整改情况：` +
        `请先由管理员导入该组织${problemYear}年度的报告（如 rectify import 文件 --org ${target.organisation.name} --year ${problemYear}），或检查年度是否填写正确。`,
      { organisationId: target.organisation.id, problemYear },
    );
  }
  const section = composeLastYearSection(items, {
    reportYear: request.reportYear,
    asOf: asOfDay(request.asOf, () => shanghaiDate(new Date())),
  });
  return {
    organisation: { id: target.organisation.id, name: target.organisation.name },
    section,
    document: sectionDocument(section),
  };
}
