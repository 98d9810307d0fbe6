import { stripNoise } from './strip-noise';

describe('stripNoise', () => {
  it('removes paywall markers even in the middle of a word', () => {
    expect(stripNoise('本##paidbegin##人带头学习。\n##paidend##').text).toBe('本人带头学习。\n');
  });

  it('removes source credits in brackets but keeps ordinary brackets', () => {
    const { text, removed } = stripNoise(
      '确保落实。（笔杆网原创，www.example.cn）\n制定方案（试行）。（材料来源：【公众号：某某君】）',
    );
    expect(text).toBe('确保落实。\n制定方案（试行）。');
    expect(removed).toBe(2);
  });

  it('removes a credit cut off at the end of the text', () => {
    expect(stripNoise('使主体意识进一步增强。（笔杆儿网').text).toBe('使主体意识进一步增强。');
  });

  it('drops advertising lines of material sites', () => {
    const input = [
      '三、下步打算',
      '【某某素材库】——每天更新材料1000多篇，会员群同步更新，有意加入请联系客服',
      '关注公众号“某某写作”获取更多范文',
      '本文档由某某网整理，仅供参考，下载后可编辑',
      '一是加强学习。',
    ].join('\n');
    expect(stripNoise(input).text).toBe('三、下步打算\n一是加强学习。');
  });

  it('keeps a long report paragraph that mentions a public account once', () => {
    const para = `依托支部微信公众号发布学习内容，${'组织党员开展学习交流，'.repeat(20)}取得良好效果。`;
    expect(stripNoise(para).text).toBe(para);
  });

  it('drops only the advertising sentence of a long paragraph', () => {
    const para = `${'全年组织党员开展学习交流活动，'.repeat(15)}效果良好。某某素材库每天更新材料，添加客服即可下载。此后继续推进。`;
    expect(stripNoise(para).text).toBe(
      `${'全年组织党员开展学习交流活动，'.repeat(15)}效果良好。此后继续推进。`,
    );
  });

  it('drops page numbers', () => {
    expect(stripNoise('正文。\n- 2 -\n第3页 共5页\n续文。').text).toBe('正文。\n续文。');
  });
});
