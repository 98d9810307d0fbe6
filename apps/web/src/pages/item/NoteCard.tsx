import { App, Button, Card, Form, Input } from 'antd';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { useDraft } from '../../features/drafts/useDraft';
import { useAddNote } from '../../features/items/useItemChanges';
import { useReportItemError } from '../../features/items/useReportItemError';

/**
 * 记录整改进展: a note that does not change the status (shown when ADD_PROGRESS_NOTE is allowed).
 * The note is kept as a draft until it is recorded, so an expired session loses nothing.
 */
export function NoteCard({ item, mobile }: { item: ItemDetailResponse; mobile: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const { mutateAsync: addNote, isPending } = useAddNote();
  const reportError = useReportItemError();
  const draft = useDraft<{ note?: string }>(item.id, 'note');

  const submit = async ({ note }: { note: string }) => {
    try {
      await addNote({ itemId: item.id, note: note.trim(), expectedVersion: item.version });
      draft.clear();
      message.success('整改进展已记录');
      form.setFieldsValue({ note: '' });
    } catch (err) {
      await reportError(item.id, err);
    }
  };

  return (
    <Card title="记录整改进展" data-testid="note-card" styles={{ body: { padding: mobile ? 12 : 24 } }}>
      <Form
        form={form}
        initialValues={draft.restored ?? undefined}
        onValuesChange={(_changed, all) => draft.save(all)}
        onFinish={(v) => void submit(v)}
        layout="vertical"
        data-testid="note-form"
      >
        <Form.Item
          name="note"
          rules={[{ required: true, whitespace: true, message: '请填写进展内容' }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="例如：已完成制度初稿，下周提交支委会讨论"
            data-testid="note-input"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isPending} data-testid="note-submit">
          提交进展
        </Button>
      </Form>
    </Card>
  );
}
