import { App, Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';
import { type LoadedItem } from '../../features/items/item-api';
import { useRestoreItem, useWithdrawItem } from '../../features/items/useItemChanges';
import { useReportItemError } from '../../features/items/useReportItemError';

interface Values {
  text: string;
}

const MAX_LENGTH = 500;

/**
 * 撤销整改事项 (`mode` withdraw: the reason is required) or 恢复 (restore: an optional note), at the
 * item's version; closes when done or after a conflict (the item is reloaded).
 */
export function WithdrawalModal({
  item,
  mode,
  onClose,
}: {
  item: LoadedItem;
  mode: 'withdraw' | 'restore';
  onClose(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const withdrawal = useWithdrawItem();
  const restoration = useRestoreItem();
  const reportError = useReportItemError();
  const withdrawing = mode === 'withdraw';

  const submit = async ({ text }: Values) => {
    try {
      const value = (text ?? '').trim();
      if (withdrawing)
        await withdrawal.mutateAsync({ itemId: item.id, reason: value, version: item.version });
      else
        await restoration.mutateAsync({ itemId: item.id, note: value || undefined, version: item.version });
      message.success(withdrawing ? '整改事项已撤销' : '整改事项已恢复');
      onClose();
    } catch (err) {
      const { conflict } = await reportError(item.id, err);
      if (conflict) onClose();
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title={withdrawing ? '撤销整改事项' : '恢复整改事项'}
      okText={withdrawing ? '确认撤销' : '确认恢复'}
      submitting={withdrawal.isPending || restoration.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId={withdrawing ? 'withdraw-modal' : 'restore-modal'}
      intro={
        withdrawing
          ? '撤销后，该事项保留全过程记录和当前状态，但不再计入事项列表、统计、台账、上年度整改情况，也不再发送提醒；上级党组织或管理员可以恢复。'
          : '恢复后，该事项回到撤销前的状态，重新计入列表、统计和台账，并恢复提醒。'
      }
    >
      <Form.Item
        name="text"
        label={withdrawing ? '撤销原因' : '恢复说明（可选）'}
        rules={withdrawing ? [{ required: true, whitespace: true, message: '请填写撤销原因' }] : []}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={MAX_LENGTH}
          showCount
          placeholder={withdrawing ? '如：与第3项问题重复录入' : ''}
          data-testid={withdrawing ? 'field-withdraw-reason' : 'field-restore-note'}
        />
      </Form.Item>
    </FormModal>
  );
}
