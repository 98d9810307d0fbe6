import {
  type ClosingDocument,
  composeLastYearSection,
  type LastYearSection,
  sectionDocument,
  shanghaiDate,
} from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import {
  asOfDay,
  assertYear,
  type OrganisationRef,
  resolveTarget,
} from '../closing-loop/closing-loop-target';
import { ApplicationError } from '../errors/application-error';

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

/**
 * Writes an organisation's 上年度整改情况 from its tracked items of the year before. Errors:
 * INVALID_ARGUMENT (year, asOf), ORGANISATION_NOT_FOUND (absent or out of scope),
 * USER_NOT_FOUND, NO_TRACKED_ITEMS (nothing of that year: import its report first).
 */
export class GenerateLastYearSectionUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: SectionRequest): Promise<SectionResult> {
    assertYear(request.reportYear, '报告年度');
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const problemYear = request.reportYear - 1;
    const items = await this.ports.trackedItems.load(target.scope, {
      organisation: target.organisation,
      subtree: false,
      problemYear,
    });
    if (items.length === 0) {
      throw new ApplicationError(
        'NO_TRACKED_ITEMS',
        `${target.organisation.name}没有${problemYear}年度的整改事项，无法生成${request.reportYear}年度报告的上年度整改情况：` +
          `请先由管理员导入该组织${problemYear}年度的报告，或选择已有整改事项的年度。`,
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
}
