import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { DATE } from './event-form';
import { MeasuresEditor } from './MeasuresEditor';
import { required } from './required';

function ReasonField({ label, message }: { label: string; message: string }) {
  return (
    <Form.Item name="reason" label={label} rules={required(message)}>
      <Input.TextArea rows={4} maxLength={2000} showCount data-testid="field-reason" />
    </Form.Item>
  );
}

/** The fields one event asks for: exactly what its payload needs. */
export function EventFields({ event, item }: { event: RectificationEventType; item: ItemDetailResponse }) {
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
