import { DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { RECTIFICATION_EVENT_PROFILES, type RectificationEventType } from '../../api/generated/vocabulary';
import { DATE, unknownKind } from './event-form';
import { MeasuresEditor } from './MeasuresEditor';
import { required } from './required';

/** The message under an empty required field: the server's sentence without its full stop. */
const missing = (sentence: string | undefined) => (sentence ?? '请填写此项').replace(/。$/, '');

/** A required text area named by the event's profile (理由, 进展, 整改佐证 …). */
function TextField({
  name,
  text,
  rows = 4,
  extra,
}: {
  name: 'reason' | 'note' | 'evidence';
  text: { label: string; missing?: string } | undefined;
  rows?: number;
  extra?: string;
}) {
  return (
    <Form.Item name={name} label={text?.label} rules={required(missing(text?.missing))} extra={extra}>
      <Input.TextArea rows={rows} maxLength={2000} showCount data-testid={`field-${name}`} />
    </Form.Item>
  );
}

/**
 * The fields one event asks for: exactly what its payload kind needs, worded by its profile.
 * Deciding on an extension request shows the request first.
 */
export function EventFields({ event, item }: { event: RectificationEventType; item: ItemDetailResponse }) {
  const decides = RECTIFICATION_EVENT_PROFILES[event].extension === 'decision';
  return (
    <>
      {decides && item.pendingExtension && (
        <Typography.Paragraph>
          申请延期至 <b>{String(item.pendingExtension.newDeadline ?? '')}</b>
          {item.pendingExtension.reason ? `，理由：${String(item.pendingExtension.reason)}` : ''}
        </Typography.Paragraph>
      )}
      <KindFields event={event} item={item} />
    </>
  );
}

function KindFields({ event, item }: { event: RectificationEventType; item: ItemDetailResponse }) {
  const { payload: kind, text } = RECTIFICATION_EVENT_PROFILES[event];
  switch (kind) {
    case 'measures':
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
          <MeasuresEditor organisationId={item.organisationId} />
        </>
      );
    case 'completion':
      return <TextField name="evidence" text={text} rows={5} extra="佐证文件请在“整改佐证材料”中上传。" />;
    case 'reason':
      return <TextField name="reason" text={text} />;
    case 'note':
      return <TextField name="note" text={text} />;
    case 'long_term':
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
          <TextField name="reason" text={text} />
        </>
      );
    case 'extension_request':
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
          <TextField name="reason" text={text} />
        </>
      );
    case 'comment':
      return (
        <Form.Item name="comment" label={text?.label ?? '审核意见（可选）'}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="field-comment" />
        </Form.Item>
      );
    default:
      return unknownKind(kind);
  }
}
