import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { type ItemSource, SOURCE_LABELS } from '../../components/labels';
import { type ItemDetail } from '../../components/itemTypes';

/** 修改台账信息: 问题来源 and 责任领导 (PATCH /api/items/:id). */
export function DetailsModal({
  item,
  onClose,
  onDone,
  onError,
}: {
  item: ItemDetail;
  onClose(): void;
  onDone(): Promise<void>;
  onError(err: unknown): Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ source: ItemSource; responsibleLeader: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let values: { source: ItemSource; responsibleLeader: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await api.patch(`/items/${item.id}`, {
        source: values.source,
        responsibleLeader: values.responsibleLeader?.trim() ? values.responsibleLeader.trim() : null,
        expectedVersion: item.version,
      });
      message.success('台账信息已修改');
      await onDone();
    } catch (err) {
      await onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="修改台账信息"
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'modal-submit' }}
      data-testid="details-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: item.source, responsibleLeader: item.responsibleLeader ?? '' }}
      >
        <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
          <Select
            options={(Object.keys(SOURCE_LABELS) as ItemSource[]).map((value) => ({
              value,
              label: SOURCE_LABELS[value],
            }))}
            data-testid="field-source"
          />
        </Form.Item>
        <Form.Item name="responsibleLeader" label="责任领导" extra="留空表示清除责任领导。">
          <Input maxLength={50} data-testid="field-leader" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
