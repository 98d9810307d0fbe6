import { Form, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { eventLabel } from './event-labels';
import { type EventFormValues, initialValues, toPayload } from './event-form';
import { EventFields } from './EventFields';

interface Props {
  event: RectificationEventType;
  item: ItemDetailResponse;
  submitting: boolean;
  onCancel(): void;
  onSubmit(event: RectificationEventType, payload: Record<string, unknown>): Promise<void>;
}

/** The form for one event: asks for exactly what the event's payload needs. Mounted per event. */
export function EventModal({ event, item, submitting, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<EventFormValues>();
  const [initial] = useState(() => initialValues(event, item));

  return (
    <FormModal<EventFormValues>
      form={form}
      title={eventLabel(event, item.status)}
      okText="提交"
      submitting={submitting}
      onSubmit={(values) => onSubmit(event, toPayload(event, values))}
      onCancel={onCancel}
      initialValues={initial}
      width={event === 'SET_MEASURES' ? 720 : 560}
      maskClosable={false}
      testId="event-modal"
      formTestId="event-form"
      intro={
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
          整改事项：{item.title}
        </Typography.Paragraph>
      }
    >
      <EventFields event={event} item={item} />
    </FormModal>
  );
}
