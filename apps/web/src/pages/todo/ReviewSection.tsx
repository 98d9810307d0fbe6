import { Button, Checkbox, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type BulkTransitionResponse, type ReviewTodoListResponse } from '../../api/rectify-api';
import { FormModal } from '../../components/FormModal';
import { useSendEvent } from '../../features/item-events/useSendEvent';
import { BulkSignOffResult } from './BulkSignOffResult';
import { TodoSection } from './TodoSection';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/**
 * 待我审核: submissions for sign-off and extension requests waiting on the user, oldest first.
 * Submissions can be ticked and signed off together with one 审核意见; the server checks each
 * one by the rules and the result says how each went.
 */
export function ReviewSection({
  list,
  limit,
  mobile,
}: {
  list: ReviewTodoListResponse;
  limit: number;
  mobile: boolean;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const [opinionOpen, setOpinionOpen] = useState(false);
  const [result, setResult] = useState<{
    response: BulkTransitionResponse;
    titles: Record<string, string>;
  } | null>(null);
  const { sendToMany, sendingToMany } = useSendEvent();
  const [form] = Form.useForm<{ comment?: string }>();
  const signOffIds = list.entries.filter((e) => e.kind === 'sign_off').map((e) => e.itemId);
  // Entries signed off meanwhile leave the list; they leave the selection too.
  const ticked = selected.filter((id) => signOffIds.includes(id));

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));

  const signOff = async ({ comment }: { comment?: string }) => {
    const titles = Object.fromEntries(list.entries.map((e) => [e.itemId, e.title]));
    const payload = comment?.trim() ? { comment: comment.trim() } : {};
    const response = await sendToMany(ticked, 'APPROVE_COMPLETION', payload);
    if (!response) return;
    setResult({ response, titles });
    setOpinionOpen(false);
    setSelected([]);
  };

  const bulkBar = signOffIds.length > 0 && (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginTop: 8 }}>
      <Checkbox
        data-testid="review-select-all"
        checked={ticked.length > 0 && ticked.length === signOffIds.length}
        indeterminate={ticked.length > 0 && ticked.length < signOffIds.length}
        onChange={(e) => setSelected(e.target.checked ? signOffIds : [])}
      >
        全选销号申请
      </Checkbox>
      <Button
        type="primary"
        disabled={ticked.length === 0}
        onClick={() => setOpinionOpen(true)}
        data-testid="bulk-sign-off"
      >
        批量审核销号{ticked.length > 0 ? `（${ticked.length}）` : ''}
      </Button>
    </div>
  );

  return (
    <>
      <TodoSection
        testId="todo-review"
        title="待我审核"
        hint="下级党组织提交的销号申请和延期申请，等待最久的在前。"
        list={list}
        limit={limit}
        empty="没有等待您审核的申请。下级党组织提交销号或申请延期后，会出现在这里。"
        mobile={mobile}
        notice={
          result && (
            <BulkSignOffResult
              result={result.response}
              titles={result.titles}
              onClose={() => setResult(null)}
            />
          )
        }
        toolbar={bulkBar}
        leading={(e) =>
          e.kind === 'sign_off' ? (
            <Checkbox
              aria-label={`选择：${e.title}`}
              data-testid="review-select"
              checked={ticked.includes(e.itemId)}
              onChange={(ev) => toggle(e.itemId, ev.target.checked)}
            />
          ) : (
            <span style={{ width: 16 }} />
          )
        }
        facts={(e) =>
          e.kind === 'extension' ? (
            <span>
              <Typography.Text strong>延期申请</Typography.Text>：延至 {e.requestedDeadline ?? '—'}，理由：
              {e.requestReason ?? '—'}
              {e.since && <Typography.Text type="secondary">（{when(e.since)} 申请）</Typography.Text>}
            </span>
          ) : (
            <span>
              <Typography.Text strong>销号申请</Typography.Text>
              {e.since && <Typography.Text type="secondary">（{when(e.since)} 提交）</Typography.Text>}
            </span>
          )
        }
      />
      {opinionOpen && (
        <FormModal<{ comment?: string }>
          form={form}
          title="批量审核销号"
          okText="审核销号"
          submitting={sendingToMany}
          onSubmit={signOff}
          onCancel={() => setOpinionOpen(false)}
          initialValues={{ comment: '同意销号' }}
          testId="bulk-sign-off-modal"
          intro={
            <Typography.Paragraph type="secondary">
              将对选中的 {ticked.length}{' '}
              个销号申请逐项审核销号，审核意见相同；不符合条件的事项不会销号，结果逐项列出。
            </Typography.Paragraph>
          }
        >
          <Form.Item name="comment" label="审核意见（可选）" style={{ marginBottom: 0 }}>
            <Input.TextArea data-testid="bulk-sign-off-comment" rows={3} maxLength={2000} showCount />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
