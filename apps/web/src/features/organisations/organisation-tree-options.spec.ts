import { describe, expect, it } from '@jest/globals';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { activeOrganisations, findNode, moveTargetOptions } from './organisation-tree-options';

const node = (id: string, children: OrganisationNode[] = [], disabled = false): OrganisationNode => ({
  id,
  name: id,
  kind: 'branch',
  disabled,
  children,
});

// town → general → (a, b); town → c (disabled)
const tree = [node('town', [node('general', [node('a'), node('b')]), node('c', [], true)])];
const ids = (options: { value: string; children: unknown[] }[]): string[] =>
  options.flatMap((o) => [o.value, ...ids(o.children as typeof options)]);

describe('moveTargetOptions', () => {
  it('leaves out the moving organisation and its whole subtree, nothing else', () => {
    expect(ids(moveTargetOptions(tree, 'general'))).toEqual(['town', 'c']);
    expect(ids(moveTargetOptions(tree, 'a'))).toEqual(['town', 'general', 'b', 'c']);
  });

  it('shows a disabled organisation as such and does not let it be chosen', () => {
    const c = moveTargetOptions(tree, 'a')[0].children[1];
    expect(c).toMatchObject({ value: 'c', title: 'c（已停用）', disabled: true });
  });
});

describe('activeOrganisations', () => {
  it('drops disabled organisations and everything below them', () => {
    const withDisabledParent = [node('t', [node('x', [node('y')], true), node('z')])];
    expect(ids(activeOrganisations(withDisabledParent).map(asOption))).toEqual(['t', 'z']);
  });
});

describe('findNode', () => {
  it('finds a node anywhere with its parent', () => {
    expect(findNode(tree, 'b')).toMatchObject({ node: { id: 'b' }, parent: { id: 'general' } });
    expect(findNode(tree, 'town')?.parent).toBeNull();
    expect(findNode(tree, 'nope')).toBeUndefined();
  });
});

function asOption(n: OrganisationNode): { value: string; children: unknown[] } {
  return { value: n.id, children: n.children.map(asOption) };
}
