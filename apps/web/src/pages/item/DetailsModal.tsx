import { App, Form, Input, Select } from 'antd';
import { FormModal } from '../../components/FormModal';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { type ItemSource, ITEM_SOURCE_LABELS, ITEM_TITLE_MAX_LENGTH } from '../../api/generated/vocabulary';
import { useUpdateDetails } from '../../features/items/useItemChanges';
import { useReportItemError } from '../../features/items/useReportItemError';

interface Values {
  title: string;
  detail: string;
  source: ItemSource;
  responsibleLeader: string;
}

const sourceOptions = (Object.keys(ITEM_SOURCE_LABELS) as ItemSource[]).map((value) => ({
  value,
  label: ITEM_SOURCE_LABELS[value],
}));

/**
 * 修改整改事项: title and description (sent only when changed; the history keeps the old text),
 * 问题来源 and 责任领导 (PATCH /api/items/:id); closes when saved or after a conflict.
 */
export function DetailsModal({ item, onClose }: { item: ItemDetailResponse; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { mutateAsync: update, isPending } = useUpdateDetails();
  const reportError = useReportItemError();

  const submit = async (values: Values) => {
    try {
      const title = values.title.trim();
      const detail = (values.detail ?? '').trim();
      await update({
        itemId: item.id,
        ...(title !== item.title ? { title } : {}),
        ...(detail !== item.detail ? { detail } : {}),
        source: values.source,
        responsibleLeader: values.responsibleLeader?.trim() ? values.responsibleLeader.trim() : null,
        expectedVersion: item.version,
      });
      message.success('整改事项已修改');
      onClose();
    } catch (err) {
      const { conflict } = await reportError(item.id, err);
      if (conflict) onClose();
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title="修改整改事项"
      okText="保存"
      submitting={isPending}
      onSubmit={submit}
      onCancel={onClose}
      initialValues={{
        title: item.title,
        detail: item.detail,
        source: item.source,
        responsibleLeader: item.responsibleLeader ?? '',
      }}
      testId="details-modal"
      width={600}
    >
      <Form.Item
        name="title"
        label="问题"
        rules={[{ required: true, whitespace: true, message: '请填写问题' }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={ITEM_TITLE_MAX_LENGTH}
          showCount
          data-testid="field-title"
        />
      </Form.Item>
      <Form.Item name="detail" label="问题描述">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="field-detail" />
      </Form.Item>
      <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
        <Select options={sourceOptions} data-testid="field-source" />
      </Form.Item>
      <Form.Item name="responsibleLeader" label="责任领导" extra="留空表示清除责任领导。">
        <Input maxLength={50} data-testid="field-leader" />
      </Form.Item>
    </FormModal>
  );
}
