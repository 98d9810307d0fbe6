import { chineseNumber, chineseNumeralYear, circledNumber } from './chinese-numerals';
import { PhraseTemplates } from './phrase-template';
import { approximateBytesPerChar } from './report-encoding';
import {
  CAUSE_LEADS,
  CAUSES,
  CLOSINGS,
  GENERIC_MEASURES,
  GENERIC_PROBLEMS,
  GENERIC_WORK_HEADINGS,
  GENERIC_WORK_SENTENCES,
  type ItemPhrase,
  LAST_YEAR_ACTIONS,
  LAST_YEAR_LEADS,
  LAST_YEAR_STATUSES,
  MEASURE_LEADS,
  NOISE,
  ORGANISATION_BANKS,
  type OrganisationBank,
  PARAGRAPH_OPENERS,
  PLACE_WORDS,
  type PlaceWord,
  PROBLEM_LEADS,
} from './report-phrases';
import { type ItemHeadingStyle, type ReportSpec, type SectionHeadingStyle } from './report-spec';
import { type SeededRandom } from './seeded-random';

/**
 * Renders a ReportSpec as the text of one report: title, opening, the optional 上年度整改情况,
 * an account of work that grows until the report reaches its target size, then problems,
 * causes, measures, closing and signature, with the noise that copies from material sites carry.
 */
export interface ComposedReport {
  title: string;
  text: string;
}

const DEBRIEFING_TITLES = [
  '{org}书记{year}年度抓基层党建工作述职报告',
  '{year}年度{org}书记述职报告',
  '{org}书记{year}年度履行全面从严治党主体责任述职报告',
];
const SUMMARY_TITLES = [
  '{org}{year}年党建工作总结',
  '{year}年度{org}工作总结',
  '{org}关于{year}年度党建工作情况的报告',
];
const DEBRIEFING_WORK_HEADINGS = ['履行职责情况', '抓基层党建工作主要做法及成效', '主要工作及成效'];
const SUMMARY_WORK_HEADINGS = ['主要工作及成效', '工作开展情况', '{year}年工作回顾', '主要做法'];
const CAUSE_HEADINGS = ['原因分析', '存在问题的原因', '问题产生的原因'];

function sectionHeading(style: SectionHeadingStyle, index: number, name: string): string {
  switch (style) {
    case 'cn':
      return `${chineseNumber(index)}、${name}`;
    case 'markdown':
      return `## ${chineseNumber(index)}、${name}`;
    case 'numDot':
      return `${index}. ${name}`;
    case 'numComma':
      return `${index}、${name}`;
  }
}

function itemMarker(style: ItemHeadingStyle, index: number): string {
  switch (style) {
    case 'parenCn':
      return `（${chineseNumber(index)}）`;
    case 'numDot':
      return `${index}.`;
    case 'numComma':
      return `${index}、`;
    case 'parenNum':
      return `(${index})`;
    case 'circled':
      return circledNumber(index);
  }
}

/** 一是…二是…三是…: the inline enumeration every report of the genre uses somewhere. */
function enumerateInline(sentences: readonly string[]): string {
  return sentences.map((sentence, i) => `${chineseNumber(i + 1)}是${sentence}`).join('');
}

function drawNames(random: SeededRandom): Record<PlaceWord, string> {
  const names = {} as Record<PlaceWord, string>;
  for (const word of Object.keys(PLACE_WORDS) as PlaceWord[]) names[word] = random.pick(PLACE_WORDS[word]);
  return names;
}

/** Collects the lines of one part of the report and counts its characters for the size target. */
class ReportPart {
  readonly lines: string[] = [];
  chars = 0;

  constructor(
    private readonly spec: ReportSpec,
    private readonly random: SeededRandom,
    private readonly templates: PhraseTemplates,
  ) {}

  heading(line: string): void {
    this.push(line);
  }

  /** A paragraph of body text, sometimes carrying a pasted credit or followed by an ad line. */
  paragraph(text: string): void {
    const { noiseRate } = this.spec;
    const credit =
      noiseRate > 0 && this.random.chance(noiseRate)
        ? this.templates.fill(this.random.pick(NOISE.credits))
        : '';
    this.push(`${this.spec.paragraphIndent}${text}${credit}`);
    if (noiseRate > 0 && this.random.chance(noiseRate / 2)) {
      this.push(this.templates.fill(this.random.pick(NOISE.ads)));
    }
  }

  /** A numbered item: its headline on a marked line, its detail on the same line or the next. */
  item(index: number, title: string, detail: string, detailOnOwnLine: boolean): void {
    const marker = itemMarker(this.spec.itemStyle, index);
    if (this.spec.sectionStyle === 'markdown' && this.spec.itemStyle === 'parenCn') {
      this.heading(`### ${marker}${title}`);
      this.paragraph(detail);
    } else if (this.spec.sectionStyle === 'markdown') {
      this.paragraph(`${marker} **${title}**。${detail}`);
    } else if (detailOnOwnLine) {
      this.paragraph(`${marker}${title}${this.random.chance(0.5) ? '。' : ''}`);
      this.paragraph(detail);
    } else {
      this.paragraph(`${marker}${title}。${detail}`);
    }
  }

  private push(line: string): void {
    this.lines.push(line);
    this.chars += line.length + this.spec.lineBreak.length;
  }
}

class ReportComposer {
  private readonly bank: OrganisationBank;
  private readonly templates: PhraseTemplates;
  private readonly organisation: string;
  private readonly detailOnOwnLine: boolean;
  private sectionCount = 0;

  constructor(
    private readonly spec: ReportSpec,
    private readonly random: SeededRandom,
  ) {
    this.bank = ORGANISATION_BANKS[spec.organisationType];
    const names = drawNames(random);
    const placeTemplates = new PhraseTemplates(random, names);
    this.organisation = placeTemplates.fill(random.pick(this.bank.names));
    this.templates = new PhraseTemplates(random, {
      ...names,
      org: this.organisation,
      superior: placeTemplates.fill(random.pick(this.bank.superiors)),
      year: String(spec.year),
      next: String(spec.year + 1),
      // One material site per report: a copy comes from one place.
      site: random.pick(NOISE.sites),
      domain: random.pick(NOISE.domains),
    });
    this.detailOnOwnLine = random.chance(0.5);
  }

  compose(): ComposedReport {
    const title = this.templates.fill(
      this.random.pick(this.spec.genre === 'debriefing' ? DEBRIEFING_TITLES : SUMMARY_TITLES),
      { year: this.spec.chineseNumeralYear ? chineseNumeralYear(this.spec.year) : this.spec.year },
    );
    const head = this.part();
    head.heading(this.spec.sectionStyle === 'markdown' ? `# ${title}` : title);
    if (this.random.chance(0.5)) head.heading(this.organisation);
    head.paragraph(this.opening());

    const lastYear = this.part();
    if (this.spec.lastYearHeading) this.writeLastYear(lastYear, this.spec.lastYearHeading);
    // Numbered now, in reading order, although its text is written after the problems and measures.
    const workSection = this.nextSection();

    const problems = this.random.pickDistinct(
      [...this.bank.problems, ...GENERIC_PROBLEMS],
      this.spec.problemCount,
    );
    const tail = this.part();
    this.writeProblems(tail, problems);
    if (this.spec.causeSection) this.writeCauses(tail);
    this.writeMeasures(tail, problems);
    tail.paragraph(this.random.pick(CLOSINGS));
    tail.heading(this.organisation);
    tail.heading(`${this.spec.year}年12月${this.random.int(1, 31)}日`);

    // Written last, the account of work fills whatever the target size leaves after the other parts.
    const targetChars = this.spec.targetBytes / approximateBytesPerChar(this.spec.encoding);
    const work = this.part();
    this.writeWork(work, workSection, targetChars - head.chars - lastYear.chars - tail.chars);

    const lines = this.withLayoutNoise([...head.lines, ...lastYear.lines, ...work.lines, ...tail.lines]);
    return { title, text: lines.join(this.spec.lineBreak) };
  }

  private part(): ReportPart {
    return new ReportPart(this.spec, this.random, this.templates);
  }

  private nextSection(): number {
    return ++this.sectionCount;
  }

  private heading(part: ReportPart, name: string): void {
    part.heading(sectionHeading(this.spec.sectionStyle, this.nextSection(), name));
  }

  private opening(): string {
    if (this.spec.genre === 'debriefing') {
      return this.templates.fill(
        '根据{superior}关于开展{year}年度基层党组织书记抓基层党建工作述职评议考核的通知要求，现将本人一年来履行党建工作第一责任人职责情况报告如下：',
      );
    }
    // The 20th Party Congress met in October 2022; earlier reports cite the 19th.
    const congress = this.spec.year >= 2023 ? '党的二十大精神' : '党的十九大和十九届历次全会精神';
    return this.templates.fill(
      `{year}年，{org}在{superior}的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实${congress}，紧紧围绕年度目标任务，扎实推进各项工作。现将有关情况总结如下：`,
    );
  }

  private writeLastYear(part: ReportPart, heading: string): void {
    this.heading(part, heading);
    const lead = this.templates.fill(this.random.pick(LAST_YEAR_LEADS));
    if (lead) part.paragraph(lead);
    const entries = this.random.pickDistinct(
      [...GENERIC_PROBLEMS, ...this.bank.problems],
      this.random.int(1, 4),
    );
    const numbered = this.random.chance(0.4);
    entries.forEach((problem, i) => {
      const action = this.templates.fill(this.random.pick(LAST_YEAR_ACTIONS));
      const status = this.random.pick(LAST_YEAR_STATUSES);
      part.paragraph(
        numbered
          ? `${itemMarker(this.spec.itemStyle, i + 1)}${problem.title}。${action}，${status}。`
          : `针对“${problem.title}”问题，${action}，${status}。`,
      );
    });
  }

  /** Adds subsections of the account of work until the report has about `budget` more characters. */
  private writeWork(part: ReportPart, sectionIndex: number, budget: number): void {
    const names = this.spec.genre === 'debriefing' ? DEBRIEFING_WORK_HEADINGS : SUMMARY_WORK_HEADINGS;
    part.heading(
      sectionHeading(this.spec.sectionStyle, sectionIndex, this.templates.fill(this.random.pick(names))),
    );
    const headings = [...this.bank.workHeadings, ...GENERIC_WORK_HEADINGS];
    let queue: string[] = [];
    let index = 0;
    do {
      if (queue.length === 0) queue = this.random.pickDistinct(headings, headings.length);
      const heading = queue.pop() ?? headings[0];
      const marker = itemMarker(this.spec.itemStyle, ++index);
      part.heading(this.spec.sectionStyle === 'markdown' ? `### ${marker}${heading}` : `${marker}${heading}`);
      const paragraphs = this.random.int(1, 4);
      for (let p = 0; p < paragraphs; p++) part.paragraph(this.workParagraph());
    } while (part.chars < budget);
  }

  private workParagraph(): string {
    const sentences = this.random
      .pickDistinct([...this.bank.workSentences, ...GENERIC_WORK_SENTENCES], this.random.int(2, 5))
      .map((sentence) => this.templates.fill(sentence));
    if (this.random.chance(0.2)) return `围绕这一目标，重点抓了以下几项工作：${enumerateInline(sentences)}`;
    return `${this.templates.fill(this.random.pick(PARAGRAPH_OPENERS))}${sentences.join('')}`;
  }

  private detail(phrase: ItemPhrase): string {
    const detail = this.random.chance(0.3) ? phrase.details.join('') : this.random.pick(phrase.details);
    return this.templates.fill(detail);
  }

  private writeProblems(part: ReportPart, problems: readonly ItemPhrase[]): void {
    this.heading(part, this.spec.problemHeading);
    const lead = this.random.pick(PROBLEM_LEADS);
    if (this.spec.problemLayout === 'numbered') {
      if (lead) part.paragraph(lead);
      problems.forEach((p, i) => part.item(i + 1, p.title, this.detail(p), this.detailOnOwnLine));
    } else {
      const sentences = problems.map((p) => `${p.title}，${this.detail(p)}`);
      this.writeInline(part, lead, sentences);
    }
    if (this.spec.problemHeading.includes('原因')) {
      part.paragraph(`${this.random.pick(CAUSE_LEADS)}${enumerateInline(this.causes())}`);
    }
  }

  private causes(): string[] {
    return this.random.pickDistinct(CAUSES, this.random.int(2, 4)).map((cause) => `${cause}。`);
  }

  private writeCauses(part: ReportPart): void {
    this.heading(part, this.random.pick(CAUSE_HEADINGS));
    const causes = this.causes();
    if (this.random.chance(0.5)) {
      part.paragraph(`${this.random.pick(CAUSE_LEADS)}${enumerateInline(causes)}`);
    } else {
      part.paragraph(this.random.pick(CAUSE_LEADS));
      causes.forEach((cause, i) => part.paragraph(`${itemMarker(this.spec.itemStyle, i + 1)}${cause}`));
    }
  }

  private writeMeasures(part: ReportPart, problems: readonly ItemPhrase[]): void {
    this.heading(part, this.spec.measureHeading);
    const count = Math.min(8, Math.max(1, problems.length + this.random.int(-1, 2)));
    const measures = this.random.pickDistinct([...this.bank.measures, ...GENERIC_MEASURES], count);
    // Some measures name the problem they answer, as the parser's linking expects to find.
    const details = measures.map((m) => {
      const detail = this.detail(m);
      return this.random.chance(0.3) ? `针对${this.random.pick(problems).title}的问题，${detail}` : detail;
    });
    const lead = this.templates.fill(this.random.pick(MEASURE_LEADS));
    if (this.spec.measureLayout === 'numbered') {
      if (lead) part.paragraph(lead);
      measures.forEach((m, i) => part.item(i + 1, m.title, details[i], this.detailOnOwnLine));
    } else {
      this.writeInline(
        part,
        lead,
        measures.map((m, i) => `${m.title}。${details[i]}`),
      );
    }
  }

  /** 一是…二是… either in the lead's paragraph or one per line. */
  private writeInline(part: ReportPart, lead: string, sentences: readonly string[]): void {
    if (this.random.chance(0.5)) {
      part.paragraph(`${lead}${enumerateInline(sentences)}`);
      return;
    }
    if (lead) part.paragraph(lead);
    sentences.forEach((sentence, i) => part.paragraph(`${chineseNumber(i + 1)}是${sentence}`));
  }

  /** Blank lines, page numbers and a paywall marker: what the layout of a copied report adds. */
  private withLayoutNoise(lines: readonly string[]): string[] {
    const out: string[] = [];
    const noisy = this.spec.noiseRate > 0;
    const pageEvery = noisy && this.random.chance(0.5) ? this.random.int(25, 45) : 0;
    const pages = pageEvery ? Math.ceil(lines.length / pageEvery) : 0;
    const paywallAt = noisy ? this.random.int(Math.floor(lines.length / 3), lines.length - 1) : -1;
    lines.forEach((line, i) => {
      if (i === paywallAt) {
        const at = this.random.int(0, line.length);
        out.push(`${line.slice(0, at)}${this.random.pick(NOISE.markers)}${line.slice(at)}`);
      } else {
        out.push(line);
      }
      if (pageEvery && (i + 1) % pageEvery === 0) {
        const page = (i + 1) / pageEvery;
        out.push(this.templates.fill(this.random.pick(NOISE.pageNumbers), { page, pages }));
      }
      if (this.spec.blankLineBetweenParagraphs) out.push('');
    });
    return out;
  }
}

export function composeReportText(spec: ReportSpec, random: SeededRandom): ComposedReport {
  return new ReportComposer(spec, random).compose();
}
