import { Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode } from 'react';
import { type ItemDetailResponse } from '../../api/rectify-api';
import {
  ACTOR_ROLE_LABELS,
  HISTORY_EVENT_LABELS,
  ITEM_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from '../../api/generated/vocabulary';
import { label } from '../../components/labels';

const EVENT_COLORS: Record<string, string> = {
  IMPORT: 'gray',
  APPROVE_COMPLETION: 'green',
  APPROVE_EXTENSION: 'green',
  APPROVE_LONG_TERM: 'green',
  RETURN_FOR_REWORK: 'red',
  REJECT_EXTENSION: 'red',
  REOPEN: 'red',
};

/** One line of an item's history; its payload's shape depends on its event. */
type HistoryEntry = ItemDetailResponse['history'][number];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The "why" of a history line, from its event's payload. */
function details(line: HistoryEntry): ReactNode[] {
  const out: ReactNode[] = [];
  const add = (name: string, value: ReactNode) =>
    out.push(
      <div key={out.length}>
        <Typography.Text type="secondary">{name}：</Typography.Text>
        {value}
      </div>,
    );
  /** A text only when it says something. */
  const addText = (name: string, value: unknown) => {
    if (str(value)) add(name, str(value));
  };
  switch (line.event) {
    case 'SET_MEASURES':
      line.payload.measures.forEach((m, i) =>
        add(
          `措施${i + 1}`,
          `${m.title ?? ''}（责任人：${m.responsible ?? '—'}，时限：${m.deadline ?? '—'}）`,
        ),
      );
      break;
    case 'SUBMIT_COMPLETION':
      addText('整改佐证', line.payload.evidence);
      break;
    case 'REQUEST_EXTENSION':
      addText('新的完成时限', line.payload.newDeadline);
      addText('理由', line.payload.reason);
      break;
    case 'APPROVE_LONG_TERM':
      add('定期报告间隔', `${line.payload.reviewIntervalDays}天`);
      addText('理由', line.payload.reason);
      break;
    case 'RETURN_FOR_REWORK':
    case 'REJECT_EXTENSION':
    case 'REOPEN':
    case 'DROP_EXTENSION_REQUEST':
      addText('理由', line.payload.reason);
      break;
    case 'APPROVE_COMPLETION':
    case 'APPROVE_EXTENSION':
      addText('意见', line.payload.comment);
      break;
    case 'ADD_PROGRESS_NOTE':
    case 'RECORD_LONG_TERM_REVIEW':
      addText('进展', line.payload.note);
      break;
    case 'ATTACH_EVIDENCE':
    case 'DELETE_EVIDENCE':
      add('文件', str(line.payload.fileName) ?? '—');
      break;
    case 'UPDATE_DETAILS':
      if (str(line.payload.source)) add('问题来源', label(ITEM_SOURCE_LABELS, line.payload.source));
      if ('responsibleLeader' in line.payload)
        add('责任领导', str(line.payload.responsibleLeader) ?? '（清除）');
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
          color: EVENT_COLORS[line.event] ?? 'red',
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
