import { movedPath, moveRefusal } from './tree-move';

describe('moveRefusal', () => {
  const general = { path: '/t/g/', parentId: 't' };

  it('refuses a root, and a new parent that is the organisation itself or anywhere below it', () => {
    expect(moveRefusal({ path: '/t/', parentId: null }, '/u/')).toBe('is_root');
    expect(moveRefusal(general, '/t/g/')).toBe('cycle');
    expect(moveRefusal(general, '/t/g/b/')).toBe('cycle');
    expect(moveRefusal(general, '/t/g/b/c/')).toBe('cycle');
  });

  it('allows a sibling, an ancestor, another tree, and a sibling whose id starts like its own', () => {
    expect(moveRefusal(general, '/t/h/')).toBeNull();
    expect(moveRefusal(general, '/t/')).toBeNull();
    expect(moveRefusal(general, '/u/v/')).toBeNull();
    expect(moveRefusal(general, '/t/gg/')).toBeNull();
  });
});

describe('movedPath', () => {
  it('replaces the moved prefix of the organisation and those below it, and nothing else', () => {
    expect(movedPath('/t/g/', '/t/g/', '/u/g/')).toBe('/u/g/');
    expect(movedPath('/t/g/b/c/', '/t/g/', '/u/v/g/')).toBe('/u/v/g/b/c/');
    expect(movedPath('/t/gg/', '/t/g/', '/u/g/')).toBe('/t/gg/');
    expect(movedPath('/t/', '/t/g/', '/u/g/')).toBe('/t/');
  });
});
