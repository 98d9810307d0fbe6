import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { type LoadedItem } from '../../features/items/item-api';

/**
 * 已撤销: who withdrew the item, when and why, with 恢复 for those allowed (RESTORE). Nothing
 * when the item stands.
 */
export function WithdrawnBanner({ item, onRestore }: { item: LoadedItem; onRestore(): void }) {
  const withdrawn = item.withdrawn;
  if (!withdrawn) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="withdrawn-banner"
      title="该整改事项已撤销"
      description={
        <>
          <div>
            {withdrawn.by ?? '（账号已删除）'}于 {dayjs(withdrawn.at).format('YYYY-MM-DD HH:mm')} 撤销
          </div>
          <div data-testid="withdrawn-reason">撤销原因：{withdrawn.reason}</div>
          <div>撤销后不计入事项列表、统计、台账和上年度整改情况，也不再提醒；办理前须由上级党组织恢复。</div>
        </>
      }
      action={
        item.allowedActions.includes('RESTORE') ? (
          <Button size="small" onClick={onRestore} data-testid="restore-item">
            恢复
          </Button>
        ) : undefined
      }
    />
  );
}
