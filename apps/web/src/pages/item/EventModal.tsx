import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type ItemDetail } from '../../components/itemTypes';
import { EVENT_LABELS, type EventType } from '../../components/labels';

interface MeasureRow {
  title?: string;
  responsible?: string;
  deadline?: Dayjs | null;
}

interface FormValues {
  measures?: MeasureRow[];
  evidence?: string;
  reason?: string;
  comment?: string;
  note?: string;
  reviewIntervalDays?: number;
  newDeadline?: Dayjs | null;
}

interface Props {
  event: EventType;
  item: ItemDetail;
  submitting: boolean;
  onCancel(): void;
  onSubmit(event: EventType, payload: Record<string, unknown>): Promise<void>;
}

const DATE = 'YYYY-MM-DD';

/** Builds the event payload the API expects from the form's values. */
function toPayload(event: EventType, v: FormValues): Record<string, unknown> {
  switch (event) {
    case 'SET_MEASURES':
      return {
        measures: (v.measures ?? []).map((m) => ({
          title: (m.title ?? '').trim(),
          responsible: (m.responsible ?? '').trim(),
          deadline: m.deadline ? m.deadline.format(DATE) : '',
        })),
      };
    case 'SUBMIT_COMPLETION':
      return { evidence: (v.evidence ?? '').trim() };
    case 'RETURN_FOR_REWORK':
    case 'REJECT_EXTENSION':
    case 'REOPEN':
      return { reason: (v.reason ?? '').trim() };
    case 'APPROVE_LONG_TERM':
      return { reviewIntervalDays: v.reviewIntervalDays, reason: (v.reason ?? '').trim() };
    case 'REQUEST_EXTENSION':
      return {
        newDeadline: v.newDeadline ? v.newDeadline.format(DATE) : '',
        reason: (v.reason ?? '').trim(),
      };
    case 'APPROVE_COMPLETION':
    case 'APPROVE_EXTENSION':
      return v.comment?.trim() ? { comment: v.comment.trim() } : {};
    case 'ADD_PROGRESS_NOTE':
    case 'RECORD_LONG_TERM_REVIEW':
      return { note: (v.note ?? '').trim() };
  }
}

function initialValues(event: EventType, item: ItemDetail): FormValues {
  if (event === 'SET_MEASURES') {
    const rows = item.measures.map((m) => ({
      title: m.title,
      responsible: m.responsible ?? '',
      deadline: m.deadline ? dayjs(m.deadline) : null,
    }));
    return { measures: rows.length ? rows : [{ title: '', responsible: '', deadline: null }] };
  }
  if (event === 'APPROVE_LONG_TERM') return { reviewIntervalDays: item.reviewIntervalDays ?? 90 };
  if (event === 'APPROVE_COMPLETION') return { comment: '同意销号' };
  if (event === 'APPROVE_EXTENSION') return { comment: '同意延期' };
  return {};
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

function ReasonField({ label, message }: { label: string; message: string }) {
  return (
    <Form.Item name="reason" label={label} rules={required(message)}>
      <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-reason" />
    </Form.Item>
  );
}

function MeasuresEditor() {
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <div data-testid="measures-editor">
          {fields.map((field, index) => (
            <div
              key={field.key}
              data-testid="measure-row"
              style={{
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: '8px 12px 0',
                marginBottom: 8,
                background: '#fafafa',
              }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
                <Typography.Text strong>措施{index + 1}</Typography.Text>
                {fields.length > 1 && (
                  <Button
                    type="link"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    data-testid="measure-remove"
                  >
                    删除
                  </Button>
                )}
              </div>
              <Form.Item
                name={[field.name, 'title']}
                label="措施内容"
                rules={required('请填写措施内容')}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea rows={2} maxLength={500} data-testid="measure-title" />
              </Form.Item>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <Form.Item
                  name={[field.name, 'responsible']}
                  label="责任人"
                  rules={required('请填写责任人')}
                  style={{ flex: '1 1 160px', marginBottom: 8 }}
                >
                  <Input maxLength={50} data-testid="measure-responsible" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'deadline']}
                  label="完成时限"
                  rules={[{ required: true, message: '请选择完成时限' }]}
                  style={{ flex: '1 1 160px', marginBottom: 8 }}
                >
                  <DatePicker style={{ width: '100%' }} format={DATE} data-testid="measure-deadline" />
                </Form.Item>
              </div>
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ title: '', responsible: '', deadline: null })}
            data-testid="measure-add"
            disabled={fields.length >= 50}
          >
            增加一条措施
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function Fields({ event, item }: { event: EventType; item: ItemDetail }) {
  switch (event) {
    case 'SET_MEASURES':
      return (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            每条整改措施须有责任人和完成时限；事项的整改时限取各措施中最晚的完成时限。
            {item.status !== 'identified' && item.deadline && (
              <>
                <br />
                当前整改时限为 <b>{item.deadline}</b>
                ，修改措施时完成时限不得晚于该日期；如需延期，请通过“申请延期”提出，经上级同意后生效。
              </>
            )}
          </Typography.Paragraph>
          <MeasuresEditor />
        </>
      );
    case 'SUBMIT_COMPLETION':
      return (
        <Form.Item
          name="evidence"
          label="整改完成情况（整改佐证）"
          rules={required('请说明整改完成情况')}
          extra="佐证文件请在“整改佐证材料”中上传。"
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="field-evidence" />
        </Form.Item>
      );
    case 'RETURN_FOR_REWORK':
      return <ReasonField label="退回原因" message="请填写退回原因" />;
    case 'REJECT_EXTENSION':
      return <ReasonField label="不同意延期的理由" message="请填写理由" />;
    case 'REOPEN':
      return <ReasonField label="重新整改的原因" message="请填写原因" />;
    case 'APPROVE_LONG_TERM':
      return (
        <>
          <Form.Item
            name="reviewIntervalDays"
            label="定期报告间隔（天）"
            rules={[{ required: true, message: '请填写定期报告间隔（1至366天）' }]}
          >
            <InputNumber
              min={1}
              max={366}
              precision={0}
              style={{ width: 160 }}
              data-testid="field-interval"
            />
          </Form.Item>
          <ReasonField label="同意长期坚持整改的理由" message="请说明理由" />
        </>
      );
    case 'REQUEST_EXTENSION':
      return (
        <>
          <Form.Item
            name="newDeadline"
            label={item.deadline ? `新的完成时限（当前时限 ${item.deadline}）` : '新的完成时限'}
            rules={[{ required: true, message: '请选择新的完成时限' }]}
          >
            <DatePicker
              format={DATE}
              style={{ width: 200 }}
              data-testid="field-new-deadline"
              disabledDate={(d) => (item.deadline ? !d.isAfter(dayjs(item.deadline), 'day') : false)}
            />
          </Form.Item>
          <ReasonField label="申请延期的理由" message="请说明理由" />
        </>
      );
    case 'APPROVE_COMPLETION':
    case 'APPROVE_EXTENSION':
      return (
        <>
          {event === 'APPROVE_EXTENSION' && item.pendingExtension && (
            <Typography.Paragraph>
              申请延期至 <b>{String(item.pendingExtension.newDeadline ?? '')}</b>
              {item.pendingExtension.reason ? `，理由：${String(item.pendingExtension.reason)}` : ''}
            </Typography.Paragraph>
          )}
          <Form.Item name="comment" label="审核意见（可选）">
            <Input.TextArea rows={3} maxLength={2000} data-testid="field-comment" />
          </Form.Item>
        </>
      );
    case 'ADD_PROGRESS_NOTE':
      return (
        <Form.Item name="note" label="整改进展" rules={required('请填写进展内容')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-note" />
        </Form.Item>
      );
    case 'RECORD_LONG_TERM_REVIEW':
      return (
        <Form.Item name="note" label="本期整改进展" rules={required('请填写本期整改进展')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-note" />
        </Form.Item>
      );
  }
}

/** The form for one event: asks for exactly what the event's payload needs. Mounted per event. */
export function EventModal({ event, item, submitting, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<FormValues>();
  const [initial] = useState(() => initialValues(event, item));

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    await onSubmit(event, toPayload(event, values));
  };

  return (
    <Modal
      open
      title={EVENT_LABELS[event]}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'modal-submit' }}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' }}
      width={event === 'SET_MEASURES' ? 720 : 560}
      mask={{ closable: false }}
      data-testid="event-modal"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
        整改事项：{item.title}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} data-testid="event-form">
        <Fields event={event} item={item} />
      </Form>
    </Modal>
  );
}
