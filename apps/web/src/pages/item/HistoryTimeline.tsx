import { Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode } from 'react';
import {
  type CommentHistoryPayload,
  type CompletionHistoryPayload,
  type ExtensionRequestHistoryPayload,
  type ItemDetailResponse,
  type LongTermHistoryPayload,
  type MeasuresHistoryPayload,
  type NoteHistoryPayload,
  type ReasonHistoryPayload,
} from '../../api/rectify-api';
import {
  ACTOR_ROLE_LABELS,
  HISTORY_EVENT_LABELS,
  type HistoryEventType,
  ITEM_SOURCE_LABELS,
  type PayloadKind,
  RECTIFICATION_EVENT_PROFILES,
  RECTIFICATION_STATUS_LABELS,
  type RectificationEventType,
} from '../../api/generated/vocabulary';
import { label } from '../../components/labels';
import { unknownKind } from '../../features/item-events/event-form';

/** Timeline dot colours: approvals green, refusals and reopening red, the import and creation grey. */
const EVENT_COLORS: Partial<Record<HistoryEventType, string>> = {
  IMPORT: 'gray',
  CREATE: 'gray',
  APPROVE_COMPLETION: 'green',
  APPROVE_EXTENSION: 'green',
  APPROVE_LONG_TERM: 'green',
  RETURN_FOR_REWORK: 'red',
  REJECT_EXTENSION: 'red',
  REOPEN: 'red',
  WITHDRAW: 'red',
  RESTORE: 'green',
};

/** One line of an item's history; its payload's shape depends on its event. */
type HistoryEntry = ItemDetailResponse['history'][number];

/** The payload of a lifecycle event's line, by payload kind (with what the event dropped). */
interface KindLines {
  measures: MeasuresHistoryPayload;
  completion: CompletionHistoryPayload;
  comment: CommentHistoryPayload;
  reason: ReasonHistoryPayload;
  long_term: LongTermHistoryPayload;
  extension_request: ExtensionRequestHistoryPayload;
  note: NoteHistoryPayload;
}

const isLifecycle = (event: string): event is RectificationEventType => event in RECTIFICATION_EVENT_PROFILES;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

type Add = (name: string, value: ReactNode) => void;

/** The "why" of a lifecycle event's line: its payload kind says what it holds. */
function lifecycleDetails(line: HistoryEntry & { event: RectificationEventType }, add: Add) {
  const addText = (name: string, value: unknown) => {
    if (str(value)) add(name, str(value));
  };
  const kind = RECTIFICATION_EVENT_PROFILES[line.event].payload;
  const payload = <K extends PayloadKind>(_kind: K) => line.payload as KindLines[K];
  switch (kind) {
    case 'measures':
      payload(kind).measures.forEach((m, i) =>
        add(
          `措施${i + 1}`,
          `${m.title ?? ''}（责任人：${m.responsible ?? '—'}，时限：${m.deadline ?? '—'}）`,
        ),
      );
      return;
    case 'completion':
      return addText('整改佐证', payload(kind).evidence);
    case 'extension_request':
      addText('新的完成时限', payload(kind).newDeadline);
      return addText('理由', payload(kind).reason);
    case 'long_term':
      add('定期报告间隔', `${payload(kind).reviewIntervalDays}天`);
      return addText('理由', payload(kind).reason);
    case 'reason':
      return addText('理由', payload(kind).reason);
    case 'comment':
      return addText('意见', payload(kind).comment);
    case 'note':
      return addText('进展', payload(kind).note);
    default:
      return unknownKind(kind);
  }
}

/** The "why" of a history line, from its event's payload. */
function details(line: HistoryEntry): ReactNode[] {
  const out: ReactNode[] = [];
  const add: Add = (name, value) =>
    out.push(
      <div key={out.length}>
        <Typography.Text type="secondary">{name}：</Typography.Text>
        {value}
      </div>,
    );
  if (isLifecycle(line.event))
    lifecycleDetails(line as HistoryEntry & { event: RectificationEventType }, add);
  switch (line.event) {
    case 'DROP_EXTENSION_REQUEST':
      if (str(line.payload.reason)) add('理由', str(line.payload.reason));
      break;
    case 'ATTACH_EVIDENCE':
    case 'DELETE_EVIDENCE':
      add('文件', str(line.payload.fileName) ?? '—');
      break;
    case 'CREATE':
      add('问题来源', label(ITEM_SOURCE_LABELS, line.payload.source));
      add('所属年度', `${line.payload.year}年度`);
      if (str(line.payload.deadline)) add('建议完成时限', str(line.payload.deadline));
      if (str(line.payload.reason)) add('依据', str(line.payload.reason));
      break;
    case 'UPDATE_DETAILS':
      if (str(line.payload.title))
        add('标题', `${str(line.payload.previousTitle) ?? '—'} → ${str(line.payload.title)}`);
      if (typeof line.payload.detail === 'string') add('问题描述', str(line.payload.detail) ?? '（清除）');
      if (str(line.payload.source)) add('问题来源', label(ITEM_SOURCE_LABELS, line.payload.source));
      if ('responsibleLeader' in line.payload)
        add('责任领导', str(line.payload.responsibleLeader) ?? '（清除）');
      break;
    case 'WITHDRAW':
      add('撤销原因', str(line.payload.reason) ?? '—');
      break;
    case 'RESTORE':
      if (str(line.payload.note)) add('恢复说明', str(line.payload.note));
      break;
    case 'IMPORT':
      if (typeof line.payload.problemSeq === 'number')
        add('来源', `年度报告第${line.payload.problemSeq}个问题`);
      break;
  }
  // Events that settle or re-plan the item withdraw an extension request nobody decided on.
  const dropped =
    'droppedExtensionRequest' in line.payload ? line.payload.droppedExtensionRequest : undefined;
  if (dropped) add('延期申请', `申请延期至 ${str(dropped.newDeadline) ?? '—'} 的申请未经审核，随之撤销`);
  return out;
}

/** The full history of an item, newest first. */
export function HistoryTimeline({
  history,
  currentUserId,
}: {
  history: HistoryEntry[];
  currentUserId?: string;
}) {
  if (history.length === 0) return <Empty description="暂无记录" />;
  const lines = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline
      data-testid="timeline"
      items={lines.map((line) => {
        const who =
          line.actorId === 'system'
            ? '系统'
            : `${line.actorName ? `${line.actorName}（${label(ACTOR_ROLE_LABELS, line.actorRole)}）` : label(ACTOR_ROLE_LABELS, line.actorRole)}${line.actorId === currentUserId ? '·本人' : ''}`;
        const moved = line.fromStatus !== line.toStatus && line.toStatus;
        return {
          key: line.seq,
          color: EVENT_COLORS[line.event] ?? 'blue',
          content: (
            <div data-testid="timeline-entry" data-event={line.event} style={{ paddingBottom: 4 }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
                <Typography.Text strong>{label(HISTORY_EVENT_LABELS, line.event)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(line.at).format('YYYY-MM-DD HH:mm')}｜{who}
                </Typography.Text>
              </div>
              {moved && (
                <div style={{ margin: '4px 0' }}>
                  {line.fromStatus && (
                    <>
                      <Tag style={{ marginInlineEnd: 4 }}>
                        {label(RECTIFICATION_STATUS_LABELS, line.fromStatus)}
                      </Tag>
                      →{' '}
                    </>
                  )}
                  <Tag color="red">{label(RECTIFICATION_STATUS_LABELS, line.toStatus)}</Tag>
                </div>
              )}
              <div style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {details(line)}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
