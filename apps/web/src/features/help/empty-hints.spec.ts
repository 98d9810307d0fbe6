import { describe, expect, it } from '@jest/globals';
import { noItemsHint, noReportsHint } from './empty-hints';

const none = { worksItems: false, supervises: false, administers: false };

describe('noItemsHint', () => {
  it('sends an administrator to the import, a supervisor to creating items, a secretary to the help', () => {
    expect(noItemsHint({ ...none, administers: true, supervises: true }).actions).toEqual(['import', 'help']);
    expect(noItemsHint({ ...none, supervises: true, worksItems: true }).actions).toEqual(['create', 'help']);
    expect(noItemsHint({ ...none, worksItems: true }).actions).toEqual(['help']);
    expect(noItemsHint(none).actions).toEqual(['help']);
  });

  it('tells a secretary what brings items and where they are reminded of them', () => {
    expect(noItemsHint({ ...none, worksItems: true }).text).toContain('我的待办');
  });
});

describe('noReportsHint', () => {
  it('offers the import only to an administrator and tells others who imports', () => {
    expect(noReportsHint({ ...none, administers: true }).actions).toEqual(['import', 'help']);
    const supervisor = noReportsHint({ ...none, supervises: true });
    expect(supervisor.actions).toEqual(['help']);
    expect(supervisor.text).toContain('管理员导入');
  });
});
