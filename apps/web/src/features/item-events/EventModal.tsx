import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { eventLabel } from './event-labels';
import { useDraft } from '../drafts/useDraft';
import { type EventFormValues, initialValues, toPayload } from './event-form';
import { EventFields } from './EventFields';

interface Props {
  event: RectificationEventType;
  item: ItemDetailResponse;
  submitting: boolean;
  onCancel(): void;
  onSubmit(event: RectificationEventType, payload: Record<string, unknown>): Promise<void>;
}

/**
 * The form for one event: asks for exactly what the event's payload needs. Mounted per event.
 * What is typed is kept as a draft (per person, item and event) until the event is sent, so it
 * survives an expired session; a kept draft fills the form and says so.
 */
export function EventModal({ event, item, submitting, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<EventFormValues>();
  const draft = useDraft<EventFormValues>(item.id, event);
  const [initial] = useState(() => draft.restored ?? initialValues(event, item));
  const [fromDraft, setFromDraft] = useState(draft.restored !== null);

  const discardDraft = () => {
    draft.clear();
    form.resetFields();
    form.setFieldsValue(initialValues(event, item));
    setFromDraft(false);
  };

  return (
    <FormModal<EventFormValues>
      form={form}
      title={eventLabel(event, item.status)}
      okText="提交"
      submitting={submitting}
      onSubmit={(values) => onSubmit(event, toPayload(event, values))}
      onCancel={onCancel}
      initialValues={initial}
      onValuesChange={draft.save}
      width={event === 'SET_MEASURES' ? 720 : 560}
      maskClosable={false}
      testId="event-modal"
      formTestId="event-form"
      intro={
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
            整改事项：{item.title}
          </Typography.Paragraph>
          {fromDraft && (
            <Alert
              type="info"
              showIcon
              data-testid="draft-restored"
              style={{ marginBottom: 12 }}
              title="已恢复您上次未提交的内容。"
              action={
                <Button size="small" type="link" onClick={discardDraft} data-testid="draft-discard">
                  清除
                </Button>
              }
            />
          )}
        </>
      }
    >
      <EventFields event={event} item={item} />
    </FormModal>
  );
}
