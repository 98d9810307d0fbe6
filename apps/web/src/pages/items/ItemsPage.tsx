import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Grid, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { useAuth } from '../../auth/auth-context';
import { type ItemListEntryResponse } from '../../api/rectify-api';
import { EventModal } from '../../features/item-events/EventModal';
import { downloadItemsXlsx } from '../../features/items/item-api';
import { useItems } from '../../features/items/useItems';
import { noItemsHint } from '../../features/help/empty-hints';
import { EmptyHintActions } from '../help/EmptyHintActions';
import { CreateItemsModal } from './CreateItemsModal';
import { ItemCards } from './ItemCards';
import { ItemsFilters } from './ItemsFilters';
import { ItemsTable } from './ItemsTable';
import { RowActions } from './RowActions';
import { useItemFilters } from './useItemFilters';
import { useRowEventAction } from './useRowEventAction';

/** 我的整改事项: the items in the user's scope, filtered through the URL so "back" keeps them. */
export function ItemsPage() {
  const { message } = App.useApp();
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const filters = useItemFilters();
  const { query, filtered } = filters;
  const { data, error, isFetching: loading, refetch } = useItems(query);
  const action = useRowEventAction();
  const errorText = error ? errorMessage(error) : null;
  // Supervisors raise problems for the organisations below them, administrators in their subtree.
  const mayCreate = Boolean(user && (user.capabilities.supervises || user.capabilities.administers));
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Every row of the current filters, not only this page; the server refuses past its limit.
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadItemsXlsx(query);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  useEffect(() => {
    if (errorText) message.error(errorText);
  }, [error, errorText, message]);

  const actionsFor = (row: ItemListEntryResponse) => (
    <RowActions
      row={row}
      opening={action.opening?.id === row.id ? action.opening.event : null}
      disabled={action.opening !== null}
      spaced={mobile}
      onAction={(ev) => void action.open(row.id, ev)}
    />
  );

  const hint = noItemsHint(
    user?.capabilities ?? { worksItems: false, supervises: false, administers: false },
  );
  const empty = filtered ? (
    <Empty description="没有符合筛选条件的整改事项，请调整筛选条件。" data-testid="items-empty" />
  ) : (
    <Empty data-testid="items-empty" description={hint.text}>
      <EmptyHintActions actions={hint.actions} onCreate={mayCreate ? () => setCreating(true) : undefined} />
    </Empty>
  );

  const rows = data?.items ?? [];
  const listProps = {
    rows,
    total: data?.total ?? 0,
    loading,
    page: filters.page,
    pageSize: filters.pageSize,
    empty,
    actionsFor,
    onPage: filters.setPage,
  };

  return (
    <Card
      title={
        <span>
          我的整改事项
          {data && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}
            >
              共 {data.total} 项
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Space wrap>
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            disabled={!data || data.total === 0}
            onClick={() => void exportXlsx()}
            title="按当前筛选条件导出全部页的整改事项"
            data-testid="export-items"
          >
            导出 Excel
          </Button>
          {mayCreate && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-items">
              新建整改事项
            </Button>
          )}
        </Space>
      }
      styles={{ body: { padding: mobile ? 12 : 24 } }}
      data-testid="items-page"
    >
      <ItemsFilters filters={filters} mobile={mobile} onReload={() => void refetch()} />
      {errorText && !loading && rows.length === 0 ? (
        <Empty description={errorText} data-testid="items-error">
          <Button onClick={() => void refetch()}>重新加载</Button>
        </Empty>
      ) : mobile ? (
        <ItemCards {...listProps} />
      ) : (
        <ItemsTable {...listProps} />
      )}
      {action.active && (
        <EventModal
          key={`${action.active.item.id}-${action.active.event}`}
          event={action.active.event}
          item={action.active.item}
          submitting={action.sending}
          onCancel={action.cancel}
          onSubmit={action.submit}
        />
      )}
      {creating && <CreateItemsModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
