/**
 * Removes what texts copied from material sites carry besides the report itself: paywall
 * markers (##paidbegin##), advertising lines, and source credits such as
 * （XX网原创，www.example.cn） or （材料来源：公众号XX）. Runs before parsing so that
 * noise can never reach a problem or a measure.
 */
export interface NoiseStripResult {
  text: string;
  removed: number;
}

// Paywall and template markers: ##paidbegin##, ##paidend##, ##vipbegin## …
const MARKER = /##\s*[a-z_]{2,24}\s*##/gi;

const CREDIT_WORDS =
  '原创|来源|出处|转载|整理发布|首发|www\\.|https?:|\\.com|\\.cn|\\.net|公众号|微信号|素材库';
// A credit in brackets: （笔杆儿网原创，www.example.cn）, （材料来源：【公众号：XX】）, 【来源：XX】.
const CREDIT_IN_BRACKETS = new RegExp(
  `[（(【\\[](?:[^（）()\\n【】]|【[^【】\\n]*】){0,40}?(?:${CREDIT_WORDS})(?:[^（）()\\n【】]|【[^【】\\n]*】){0,80}?[）)】\\]]`,
  'g',
);
// A credit cut off by the copy at the end of a line: "…作用。（笔杆儿网"
const TRUNCATED_CREDIT = /[（(【][^（）()\n【】]{0,30}(?:网|原创|来源|公众号|www)[^（）()\n【】]{0,40}$/gm;

// Paywall teasers of material sites: 仅展示386字，全文共2914字 / 仅供站内会员… / 【点此注册】加入会员.
const PAYWALL =
  /点击(?:查看|阅读|下载|进入)|相关(?:推荐|阅读|文章)[:：]|推荐阅读|延伸阅读|猜你喜欢|热门(?:推荐|文章)|[（(【]精选\d+篇[）)】]|仅展示\d*字|全文共\d+字|剩余\d+字|站内会员|点此注册|注册会员|加入会员|开通会员|升级会员|会员(?:可|专享|免费|才能)|登录后(?:查看|下载|阅读|复制)|(?:查看|阅读|下载)(?:完整|全)文|(?:付费|购买)(?:阅读|下载|后)|新来的客人/;

// Words that only advertising lines carry; one is enough on a short line.
const AD_WORDS =
  /素材库|会员群|网盘群|代笔|添加客服|客服微信|请认准|谨防假冒|下载后可编辑|仅供参考|免费下载|原文链接|侵删|版权归原作者|免责声明|s?vip会员|一键(?:下载|搜索|查找)|每天更新|更多(?:精彩)?(?:范文|材料|资料|内容)|关注(?:微信)?公众号|扫码(?:关注|获取|下载|添加)|本文(?:档)?(?:由|来源|转载|整理)|文章来源[:：]|^\s*来源[:：]|材料来源|www\.[a-z0-9-]+\.|https?:\/\/|加微信|QQ群/i;

// Words no report sentence carries: a long paragraph loses just the sentence that has one.
const AD_ONLY_WORDS =
  /素材库|会员群|网盘群|代笔|添加客服|客服微信|请认准|谨防假冒|下载后可编辑|免费下载|原文链接|侵删|版权归原作者|免责声明|s?vip会员|一键(?:下载|搜索|查找)|每天更新|www\.[a-z0-9-]+\.|https?:\/\//i;
const SENTENCE = /[^。！？!?]*[。！？!?]?/g;

// Converter sites annotate characters with pinyin: 關(guān)愛 / 党(dǎng)员. A Latin syllable with tone
// marks in brackets right after a Chinese character is never report text.
const PINYIN =
  /([\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[1-5]?[)）](?=[\u4e00-\u9fff，。；、：,.;:]|$)/gm;
// Annotations carry tone marks; texts without any are not scanned (the scan is the costly part).
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
// A site's name in brackets inside a paragraph: （某某范文网） / （XX文库）.
const SITE_NAME = /[（(][^（）()\n]{1,12}(?:网|文库|范文|文秘|公文)[）)]/g;

const PAGE_NUMBER =
  /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

function isAdLine(line: string): boolean {
  if (!AD_WORDS.test(line) && !PAYWALL.test(line)) return false;
  // A long paragraph is report text; at most some of its sentences are ads (dropAdSentences).
  return line.length <= 200;
}

function dropAdSentences(line: string): { line: string; dropped: number } {
  if (!AD_ONLY_WORDS.test(line) && !PAYWALL.test(line)) return { line, dropped: 0 };
  let dropped = 0;
  const kept = (line.match(SENTENCE) ?? []).filter((sentence) => {
    const ad = AD_ONLY_WORDS.test(sentence) || PAYWALL.test(sentence);
    if (ad) dropped++;
    return !ad;
  });
  return { line: kept.join(''), dropped };
}

// Most reports carry no advertising at all: one scan of the whole text decides whether the
// line-by-line checks run.
const ANY_AD = new RegExp(`${AD_WORDS.source}|${PAYWALL.source}`, 'i');

export function stripNoise(input: string): NoiseStripResult {
  let removed = 0;
  const drop = (text: string, re: RegExp) =>
    text.replace(re, () => {
      removed++;
      return '';
    });

  let text = input.replace(/\r\n?/g, '\n');
  text = drop(text, MARKER);
  text = drop(text, CREDIT_IN_BRACKETS);
  text = drop(text, TRUNCATED_CREDIT);
  text = drop(text, SITE_NAME);
  // Each annotated character is one mark of the same conversion: counted once, not per syllable.
  if (TONE_MARK.test(text)) {
    const annotated = text.replace(PINYIN, '$1');
    if (annotated !== text) removed++;
    text = annotated;
  }

  const hasAds = ANY_AD.test(text);
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if ((hasAds && isAdLine(line)) || PAGE_NUMBER.test(line)) {
      removed++;
      continue;
    }
    if (!hasAds) {
      kept.push(line);
      continue;
    }
    const cleaned = dropAdSentences(line);
    removed += cleaned.dropped;
    kept.push(cleaned.line);
  }
  return { text: kept.join('\n'), removed };
}
