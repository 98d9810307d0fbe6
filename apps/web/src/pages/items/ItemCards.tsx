import { Card, Pagination, Spin } from 'antd';
import { useNavigate } from 'react-router-dom';
import { DeadlineText } from '../../components/DeadlineText';
import { ITEM_SOURCE_LABELS } from '../../api/generated/vocabulary';
import { label } from '../../components/labels';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';
import { type ItemListProps } from './item-list-props';
import { RecurringTag } from './RecurringTag';
import { ReturnedTag } from './ReturnedTag';
import { WithdrawnTag } from './WithdrawnTag';
import { ClampedTitle } from '../../components/ClampedTitle';
import { SECONDARY_TEXT } from '../../theme/theme';

/** The list as cards (phones): a tap on a card opens the item. */
export function ItemCards({
  rows,
  total,
  loading,
  page,
  pageSize,
  empty,
  actionsFor,
  onPage,
}: ItemListProps) {
  const navigate = useNavigate();
  return (
    <Spin spinning={loading}>
      {rows.length === 0 && !loading ? (
        empty
      ) : (
        <div data-testid="items-cards" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {rows.map((row) => (
            <Card
              key={row.id}
              size="small"
              hoverable
              onClick={() => navigate(`/items/${row.id}`)}
              data-testid="item-row"
              data-item-id={row.id}
              styles={{ body: { padding: 12 } }}
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                <LightTag light={row.light} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <ClampedTitle text={row.title} to={`/items/${row.id}`} strong testId="item-link" />
                  {row.recurring && <RecurringTag />}
                  {row.withdrawn && <WithdrawnTag />}
                  {row.returned && <ReturnedTag returned={row.returned} />}
                  <div style={{ color: SECONDARY_TEXT, fontSize: 12, marginTop: 4 }}>
                    {row.organisationName}｜{row.reportYear}年度｜{label(ITEM_SOURCE_LABELS, row.source)}
                  </div>
                  <div
                    style={{
                      display: 'flex',
                      justifyContent: 'space-between',
                      alignItems: 'flex-end',
                      marginTop: 6,
                      gap: 8,
                    }}
                  >
                    <span style={{ fontSize: 13 }}>
                      <DeadlineText
                        deadline={row.deadline}
                        workdaysLeft={row.status === 'completed' ? null : row.workdaysLeft}
                        workdaysOverdue={row.status === 'completed' ? null : row.workdaysOverdue}
                      />
                    </span>
                    <StatusTag status={row.status} />
                  </div>
                  {actionsFor(row)}
                </div>
              </div>
            </Card>
          ))}
        </div>
      )}
      {total > 0 && (
        <Pagination
          simple
          style={{ marginTop: 12, justifyContent: 'center' }}
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          data-testid="items-pagination"
        />
      )}
    </Spin>
  );
}
