import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractReport, type ExtractionResult } from '@rectify/domain';
import iconv from 'iconv-lite';
import { makeDocx } from '../support/make-docx';

// The five real, messy reports shared beside the repository (../shared/seeds). The expectations
// are what a careful human reader finds in each of them.
const SEEDS = resolve(__dirname, '../../../shared/seeds');

async function extractSeed(name: string): Promise<ExtractionResult> {
  const file = join(SEEDS, name);
  if (!existsSync(file))
    throw new Error(`seed report missing: ${file} (the repository expects ../shared beside it)`);
  return extractReport(readFileSync(file), name);
}

const NOISE = /paid(?:begin|end)|素材库|笔杆|www\.|材料来源|公众号|哒哒|代笔|会员/;

interface SeedExpectation {
  file: string;
  year: number;
  title: string | null;
  problems: string[];
  causes: string[];
  measures: string[];
  lastYear: [string, string][];
}

const EXPECTED: SeedExpectation[] = [
  {
    file: '000_0df57fe3b82d75de.txt',
    year: 2023,
    title: 'XX党委（党工委）书记2023年度抓党建工作述职报告',
    problems: ['理论学习不充分', '“一岗双责”履职不充分', '领导保障不充分'],
    causes: [],
    measures: [
      '坚持不懈地加强党的理论知识学习，提高思想修养',
      '不断加强个人党性修养，改进XX的工作作风',
      '从严要求，认真履行“一岗双责”的职责',
    ],
    lastYear: [],
  },
  {
    file: '001_0130dee73a884878.txt',
    year: 2023,
    title: '2023年支部书记抓基层党建工作述职报告',
    problems: ['落实党内政治生活制度有差距', '开展“主题教育”不平衡', '督查问责不够有力'],
    causes: ['工作思路不够开阔', '统筹兼顾有欠缺', '一抓到底韧劲不足'],
    measures: [
      '始终增强“四个意识”，坚决做到“两个维护”，落实主体责任',
      '压实责任传导，层层督查到位，强化督责问责',
      '狠抓制度落实，严格组织生活，严守制度规矩',
    ],
    lastYear: [],
  },
  {
    file: '002_a2c63e195e4fe7c7.txt',
    year: 2023,
    title: 'XX机关（党组）党委2023年党建工作情况总结及下步工作打算',
    problems: ['党的组织体系不够健全', '执行XX机关工作制度不严格', '发挥XX职能服务基层群众还有差距'],
    causes: [],
    measures: [
      '通过党组（扩大）会议、理论中心组学习会、干部职工例会、支部“三会一课”和主题党日活动、读书分享会等形式',
      '全面贯彻落实新时代党的建设总要求',
      '持续推进“我为群众办实事”主题实践活动，加强党员干部党性修养，夯实作风根基',
    ],
    lastYear: [],
  },
  {
    file: '003_9342abefdd77c34e.txt',
    year: 2023,
    title: '党组书记抓党建工作报告',
    problems: ['党员管理还存在盲区和漏洞', '支部共建作用发挥还不够'],
    causes: [],
    measures: ['融会贯通，做到思想素质过硬', '学以致用，做到干事创业出新', '忠诚干净，做到管党治党有力'],
    lastYear: [
      ['为民服务的宗旨意识还有欠缺', 'unknown'],
      ['围绕中心的大局观念还不到位', 'unknown'],
    ],
  },
  {
    file: '004_b29ff4d5ebd0983d.txt',
    year: 2022,
    title: null,
    problems: ['对党建工作认识还不够', '对党员的教育、管理、监督不够', '表率强度不够'],
    causes: [],
    measures: [
      '强化第一责任人意识，形成齐抓共管的党建工作格局',
      '抓认识、筑体系，切实加强党组织自身建设',
      '抓制度、强管理，确保党建工作规范化',
      '抓主体、带全局，增强基层党组织的战斗力',
    ],
    lastYear: [
      ['扎实推进“三会一课”制度建设', 'unknown'],
      ['规范文书和档案管理', 'unknown'],
      ['以提升思想认识、工作能力为重点，扎实推进“三基建设”', 'unknown'],
    ],
  },
];

describe.each(EXPECTED)('seed report $file', (expected) => {
  let result: ExtractionResult;
  beforeAll(async () => {
    result = await extractSeed(expected.file);
  });

  it('finds the year and title', () => {
    expect(result.year).toBe(expected.year);
    expect(result.title).toBe(expected.title);
    expect(result.encoding).toBe('utf-8');
  });

  it('finds exactly the problems a careful reader finds', () => {
    expect(result.problems.map((p) => p.title)).toEqual(expected.problems);
    expect(result.problems.map((p) => p.seq)).toEqual(expected.problems.map((_, i) => i + 1));
    for (const p of result.problems) expect(p.detail.length).toBeGreaterThan(0);
  });

  it('finds the causes, not counted as problems', () => {
    expect(result.causes.map((c) => c.text.split(/[。，]/)[0])).toEqual(expected.causes);
  });

  it('finds one measure per numbered item', () => {
    expect(result.measures.map((m) => m.title)).toEqual(expected.measures);
  });

  it("reads last year's rectification entries with their status", () => {
    expect(result.lastYearRectification.map((e) => [e.problem, e.status])).toEqual(expected.lastYear);
  });

  it('gives the same problems and measures from GB18030 bytes and from a .docx', async () => {
    const text = readFileSync(join(SEEDS, expected.file), 'utf8');
    const gbk = await extractReport(iconv.encode(text, 'gb18030'), 'seed.txt');
    const docx = await extractReport(await makeDocx(text.split('\n')), 'seed.docx');
    expect(gbk.encoding).toBe('gb18030');
    for (const other of [gbk, docx]) {
      expect(other.problems).toEqual(result.problems);
      expect(other.measures).toEqual(result.measures);
      expect(other.year).toBe(result.year);
    }
  });

  it('lets no copied-text noise into any extracted text', () => {
    const extracted = JSON.stringify([
      result.problems,
      result.causes,
      result.measures,
      result.lastYearRectification,
    ]);
    expect(extracted).not.toMatch(NOISE);
  });
});
