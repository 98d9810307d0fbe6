import { describe, expect, it } from '@jest/globals';
import { helpTopicsFor } from './help-topics';

const none = { worksItems: false, supervises: false, administers: false };
const roles = (c: typeof none) => helpTopicsFor(c).topics.map((t) => t.role);

describe('helpTopicsFor', () => {
  it("puts the viewer's own role first and keeps the others after it", () => {
    expect(roles({ ...none, administers: true })).toEqual(['admin', 'secretary', 'supervisor']);
    expect(roles({ ...none, supervises: true })).toEqual(['supervisor', 'secretary', 'admin']);
    expect(roles({ ...none, worksItems: true })).toEqual(['secretary', 'supervisor', 'admin']);
  });

  it('lists several own roles in the usual order: a 书记 who also supervises reads both first', () => {
    const c = { worksItems: true, supervises: true, administers: false };
    expect(roles(c)).toEqual(['secretary', 'supervisor', 'admin']);
    expect([...helpTopicsFor(c).own]).toEqual(['secretary', 'supervisor']);
    expect(roles({ ...c, administers: true, worksItems: false })).toEqual([
      'supervisor',
      'admin',
      'secretary',
    ]);
  });

  it('shows all three topics, none marked as theirs, to someone who only reads', () => {
    const { topics, own } = helpTopicsFor(none);
    expect(topics).toHaveLength(3);
    expect(own.size).toBe(0);
  });
});
