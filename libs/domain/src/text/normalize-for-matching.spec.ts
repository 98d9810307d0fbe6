import { normalizeForMatching } from './normalize-for-matching';

describe('normalizeForMatching', () => {
  it('turns Traditional into Simplified and full-width into ASCII, keeping the length', () => {
    const text = '黨員隊伍：（一）';
    expect(normalizeForMatching(text)).toBe('党员队伍:(一)');
    expect(normalizeForMatching(text)).toHaveLength(text.length);
  });

  it('leaves standard Simplified characters alone even where the table pairs them with a variant', () => {
    expect(normalizeForMatching('服务群众，考核，才能，什么，吃饭，高峰')).toBe(
      '服务群众,考核,才能,什么,吃饭,高峰',
    );
    expect(normalizeForMatching('羣眾')).toBe('群众');
  });
});
