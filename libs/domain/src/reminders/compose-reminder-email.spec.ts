import { composeReminderEmail, type ReminderLine } from './compose-reminder-email';

const line = (over: Partial<ReminderLine>): ReminderLine => ({
  itemTitle: '理论学习不够深入',
  organisationName: '青石村第一党支部',
  deadline: '2024-10-08',
  overdueWorkdays: 0,
  light: 'yellow',
  url: 'http://127.0.0.1:3000/items/1',
  ...over,
});

describe('composeReminderEmail', () => {
  it('lists every item of a digest, overdue first, in text and HTML', () => {
    const email = composeReminderEmail('张书记', [
      line({}),
      line({
        itemTitle: '组织生活不够规范',
        light: 'red',
        overdueWorkdays: 3,
        url: 'http://127.0.0.1:3000/items/2',
      }),
    ]);
    expect(email.subject).toBe('【整改督办】1 项整改事项已逾期，1 项临近时限');
    expect(email.text).toContain('1. [红灯（已逾期）] 组织生活不够规范');
    expect(email.text).toContain('已逾期 3 个工作日');
    expect(email.text).toContain('2. [黄灯（临近时限）] 理论学习不够深入');
    expect(email.html).toContain('<a href="http://127.0.0.1:3000/items/2">组织生活不够规范</a>');
    expect(email.html).toContain('#c62828');
  });

  it('escapes HTML in titles and says when a count is an estimate', () => {
    const email = composeReminderEmail('李书记', [
      line({ itemTitle: '<script>x</script>', approximate: true }),
    ]);
    expect(email.subject).toBe('【整改提醒】1 项整改事项临近完成时限');
    expect(email.html).not.toContain('<script>');
    expect(email.text).toContain('按周一至周五估算');
  });

  it('tells a measure’s 责任人 which measures are theirs, in text and HTML, and only on their items', () => {
    const email = composeReminderEmail('赵六', [
      line({ responsibleFor: ['建立学习制度', '<开展>专题学习'] }),
      line({ itemTitle: '组织生活不够规范', url: 'http://127.0.0.1:3000/items/2' }),
    ]);
    expect(email.text).toContain('您是以下整改措施的责任人：「建立学习制度」、「<开展>专题学习」');
    expect(email.text.match(/您是以下整改措施的责任人/g)).toHaveLength(1);
    expect(email.html).toContain('您是以下整改措施的责任人：「建立学习制度」、「&lt;开展&gt;专题学习」');
  });

  it('refuses an empty digest', () => {
    expect(() => composeReminderEmail('王书记', [])).toThrow(RangeError);
  });
});
