/**
 * The topics Party work reports name their problems by. Two statements with no topic in common
 * are rarely the same problem however many words they share ("意识形态工作责任制压得不实" is
 * not "党风廉政建设责任制压得不实"); two with the same topic may be the same problem even in
 * quite different words ("党员年龄老化" and "队伍缺乏新鲜血液").
 *
 * `aspect` topics (responsibility, rules, assessment) describe how a
 * problem shows rather than what it is about, so they never decide a match on their own.
 */
export interface ProblemTopic {
  name: string;
  pattern: RegExp;
  aspect?: true;
}

export const PROBLEM_TOPICS: readonly ProblemTopic[] = [
  {
    name: 'theory_study',
    pattern: /理论|政治学习|原著|原文|中心组|学深悟透|以干代学|以会代学|读报|学文件|学习教育|学用/,
  },
  { name: 'business_study', pattern: /业务学习|业务知识|业务培训|专业知识|本领恐慌/ },
  { name: 'organisation_life', pattern: /三会一课|主题党日|党日|党课|支委会|党小组|党员大会|组织生活(?!会)/ },
  { name: 'criticism', pattern: /批评|辣味|红红脸|出出汗|对照检查|见人见事|组织生活会|民主生活会/ },
  { name: 'heart_talk', pattern: /谈心|交心|谈话/ },
  { name: 'vanguard', pattern: /先锋|模范|带头|表率|冲在前|示范作用|党员作用/ },
  { name: 'recruitment', pattern: /发展党员|积极分子|入党|预备党员|党员发展|政审|培养对象/ },
  {
    name: 'member_structure',
    pattern: /老化|老龄|结构不合理|新鲜血液|岁以上|年轻党员|青年党员|后继乏人|青黄不接|队伍结构/,
  },
  {
    name: 'member_education',
    pattern: /教育管理|党员管理|党员教育|管理监督|教育监督|党员监督|日常管理|积分管理/,
  },
  { name: 'mobile_members', pattern: /流动党员|失联|外出党员|组织关系|关系转接/ },
  { name: 'dues', pattern: /党费|交纳|缴纳|催缴|收缴/ },
  {
    name: 'integration',
    pattern: /两张皮|结合不紧|党建.{0,8}业务|业务.{0,8}党建|党业融合|抓党建促|中心工作/,
  },
  { name: 'ideology', pattern: /意识形态|舆情|舆论|思想动态|思想状况|思想动向|网络阵地|讲座论坛/ },
  { name: 'integrity', pattern: /廉政|廉洁|四风|警示教育|违纪|八项规定|腐败|纪律教育|纪律意识|纪律规矩/ },
  {
    name: 'work_style',
    pattern: /作风|形式主义|官僚主义|文山会海|会多文多|会议多|文件多|迎检|报表|基层负担|慵懒/,
  },
  { name: 'venue', pattern: /活动阵地|阵地建设|活动室|活动场所|场所|党群服务中心|设施|硬件/ },
  { name: 'records', pattern: /档案|台账|归档|会议记录|记录不|文书|资料不/ },
  {
    name: 'public_service',
    pattern: /为民服务|服务群众|办实事|宗旨意识|民生|急难愁盼|联系群众|群众路线|为群众/,
  },
  { name: 'research', pattern: /调查研究|调研|一手情况|深入基层|下基层/ },
  { name: 'innovation', pattern: /创新|品牌|特色|亮点|按部就班|守旧|老办法|老套/ },
  {
    name: 'cadres',
    pattern: /后备|干部队伍|人才|带头人|书记队伍|梯队|年轻干部|年轻人|接续|青黄不接|选拔培养/,
  },
  {
    name: 'party_worker_capacity',
    pattern: /党务知识|党务干部|党务工作者|本领|能力有待|能力不足|能力不强|专职|兼职/,
  },
  { name: 'governance', pattern: /网格|基层治理|社区治理|治理/ },
  { name: 'rules', pattern: /制度执行|执行制度|制度落实|落实制度|刚性|制度规定|规章/, aspect: true },
  { name: 'publicity', pattern: /宣传|典型|榜样|先进事迹|报道|推介|好人好事/ },
  { name: 'digital', pattern: /智慧党建|信息化|数字化|线上|平台|网上|系统录入|数据/ },
  {
    name: 'responsibility',
    pattern: /主体责任|一岗双责|第一责任人|责任制|责任清单|压力传导|层层传导|责任落实/,
    aspect: true,
  },
  { name: 'election', pattern: /换届|改选|届期|届满|选举/ },
  { name: 'weak_organisation', pattern: /软弱涣散|凝聚力|战斗堡垒|组织力|号召力|向心力/ },
  { name: 'collective_economy', pattern: /集体经济|产业|增收|村集体|经济发展/ },
  { name: 'rectification', pattern: /整改|反复出现|长效机制|一阵风|改后又犯|回头看|巡察反馈|巡视反馈/ },
  { name: 'coverage', pattern: /两新|新业态|新就业|非公企业|社会组织|组织覆盖|党组织覆盖|空白/ },
  { name: 'care', pattern: /关怀|帮扶|慰问|困难党员|老党员|关心/ },
  { name: 'member_appraisal', pattern: /民主评议|评议党员|评星定级/ },
  { name: 'community_registration', pattern: /报到|在职党员/ },
  { name: 'accountability', pattern: /担当|推诿|怕出错|怕问责|畏难|不作为|敷衍|矛盾上交|上交矛盾/ },
  { name: 'volunteering', pattern: /志愿服务|志愿者/ },
  { name: 'assessment', pattern: /考核|督查|督导|问责|述职/, aspect: true },
  { name: 'mass_organisations', pattern: /群团|工会|共青团|团组织|妇联|桥梁纽带/ },
];

/** The subject topics and the aspect topics a (normalised, Simplified) statement names. */
export function problemTopics(key: string): { subjects: Set<string>; aspects: Set<string> } {
  const subjects = new Set<string>();
  const aspects = new Set<string>();
  for (const topic of PROBLEM_TOPICS) {
    if (topic.pattern.test(key)) (topic.aspect ? aspects : subjects).add(topic.name);
  }
  return { subjects, aspects };
}
