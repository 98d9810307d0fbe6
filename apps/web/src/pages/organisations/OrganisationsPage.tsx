import { ApartmentOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, type MenuProps, Spin, Tag, Tree, Typography } from 'antd';
import { type DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../api/generated/vocabulary';
import { findNode } from '../../features/organisations/organisation-tree-options';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { AddChildModal } from './AddChildModal';
import { MoveModal } from './MoveModal';
import { RenameModal } from './RenameModal';
import { RobotsDrawer } from './RobotsDrawer';
import { ToggleActiveModal } from './ToggleActiveModal';

type Action = 'add' | 'rename' | 'move' | 'toggle' | 'robots';

/**
 * 组织管理: the organisation tree the administrator administers, each organisation with its
 * kind and 已停用 mark, and its actions (新增下级组织 / 重命名 / 移动 / 停用 / 启用), each in a
 * small dialog, and 群机器人 (its group robots) in a drawer. A root can only get organisations below it and be renamed.
 */
export function OrganisationsPage() {
  const { tree, loading } = useOrganisationTree();
  const [open, setOpen] = useState<{ action: Action; id: string } | null>(null);
  const treeData = useMemo(() => toTreeData(tree, (action, id) => setOpen({ action, id })), [tree]);
  // Everything is expanded but what the administrator collapsed: a new organisation shows at once.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const allKeys = useMemo(() => keysOf(tree), [tree]);
  const expandedKeys = allKeys.filter((k) => !collapsed.has(k));
  const target = open ? findNode(tree, open.id) : undefined;
  const close = () => setOpen(null);

  return (
    <Card
      title={
        <span>
          <ApartmentOutlined style={{ marginInlineEnd: 8 }} />
          组织管理
        </span>
      }
      data-testid="organisations-page"
    >
      {loading ? (
        <Spin />
      ) : tree.length === 0 ? (
        <Empty description="尚无组织" />
      ) : (
        <Tree
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setCollapsed(new Set(allKeys.filter((k) => !keys.includes(k))))}
          blockNode
          selectable={false}
          data-testid="org-tree"
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        停用的组织保留其整改事项和历史记录，不再用于添加人员、新建整改事项和导入报告；顶层组织不能移动或停用。
      </Typography.Paragraph>
      {open && target && open.action === 'add' && <AddChildModal parent={target.node} onClose={close} />}
      {open && target && open.action === 'rename' && (
        <RenameModal organisation={target.node} onClose={close} />
      )}
      {open && target && open.action === 'move' && target.parent && (
        <MoveModal organisation={target.node} parentId={target.parent.id} tree={tree} onClose={close} />
      )}
      {open && target && open.action === 'toggle' && (
        <ToggleActiveModal organisation={target.node} onClose={close} />
      )}
      {open && target && open.action === 'robots' && (
        <RobotsDrawer organisation={target.node} onClose={close} />
      )}
    </Card>
  );
}

/** The ids of every organisation in the tree. */
const keysOf = (nodes: OrganisationNode[]): string[] => nodes.flatMap((n) => [n.id, ...keysOf(n.children)]);

/** The tree as antd Tree data: each title the name, kind, state and an 操作 menu. */
function toTreeData(
  nodes: OrganisationNode[],
  onAction: (action: Action, id: string) => void,
  isRoot = true,
): DataNode[] {
  return nodes.map((n) => ({
    key: n.id,
    title: <NodeTitle node={n} isRoot={isRoot} onAction={(action) => onAction(action, n.id)} />,
    children: toTreeData(n.children, onAction, false),
  }));
}

function NodeTitle({
  node,
  isRoot,
  onAction,
}: {
  node: OrganisationNode;
  isRoot: boolean;
  onAction(action: Action): void;
}) {
  const item = (key: Action, label: string, extra: { danger?: boolean } = {}) => ({
    key,
    label: (
      <span
        data-testid={`org-action-${key === 'toggle' ? (node.disabled ? 'activate' : 'deactivate') : key}`}
      >
        {label}
      </span>
    ),
    ...extra,
  });
  const items: MenuProps['items'] = [
    ...(node.disabled ? [] : [item('add', '新增下级组织')]),
    item('rename', '重命名'),
    ...(isRoot
      ? []
      : [
          item('move', '移动'),
          node.disabled ? item('toggle', '启用') : item('toggle', '停用', { danger: true }),
        ]),
    item('robots', '群机器人'),
  ];
  return (
    <span
      style={{
        display: 'inline-flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 4,
        wordBreak: 'break-all',
      }}
      data-testid={`org-node-${node.name}`}
    >
      <Typography.Text type={node.disabled ? 'secondary' : undefined}>{node.name}</Typography.Text>
      <Tag color={node.disabled ? undefined : 'red'} bordered={false}>
        {ORGANISATION_KIND_LABELS[node.kind as OrganisationKind]}
      </Tag>
      {node.disabled && <Tag data-testid="org-disabled-tag">已停用</Tag>}
      <Dropdown menu={{ items, onClick: ({ key }) => onAction(key as Action) }} trigger={['click']}>
        <Button size="small" type="link" data-testid="org-actions" onClick={(e) => e.stopPropagation()}>
          操作 <DownOutlined />
        </Button>
      </Dropdown>
    </span>
  );
}
