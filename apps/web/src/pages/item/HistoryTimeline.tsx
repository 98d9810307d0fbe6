import { Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode } from 'react';
import { type HistoryLine } from '../../components/itemTypes';
import {
  ACTOR_ROLE_LABELS,
  HISTORY_EVENT_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  label,
} from '../../components/labels';

const EVENT_COLORS: Record<string, string> = {
  IMPORT: 'gray',
  APPROVE_COMPLETION: 'green',
  APPROVE_EXTENSION: 'green',
  APPROVE_LONG_TERM: 'green',
  RETURN_FOR_REWORK: 'red',
  REJECT_EXTENSION: 'red',
  REOPEN: 'red',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The "why" of a history line, from its payload. */
function details(line: HistoryLine): ReactNode[] {
  const p = line.payload ?? {};
  const out: ReactNode[] = [];
  const add = (name: string, value: ReactNode) =>
    out.push(
      <div key={out.length}>
        <Typography.Text type="secondary">{name}：</Typography.Text>
        {value}
      </div>,
    );
  if (Array.isArray(p.measures)) {
    (p.measures as { title?: string; responsible?: string; deadline?: string }[]).forEach((m, i) =>
      add(`措施${i + 1}`, `${m.title ?? ''}（责任人：${m.responsible ?? '—'}，时限：${m.deadline ?? '—'}）`),
    );
  }
  if (str(p.evidence)) add('整改佐证', str(p.evidence));
  if (str(p.newDeadline)) add('新的完成时限', str(p.newDeadline));
  if (typeof p.reviewIntervalDays === 'number') add('定期报告间隔', `${p.reviewIntervalDays}天`);
  if (str(p.reason)) add('理由', str(p.reason));
  if (str(p.comment)) add('意见', str(p.comment));
  if (str(p.note)) add('进展', str(p.note));
  if (line.event === 'ATTACH_EVIDENCE' || line.event === 'DELETE_EVIDENCE')
    add('文件', str(p.fileName) ?? '—');
  const dropped = p.droppedExtensionRequest as { newDeadline?: unknown } | undefined;
  if (dropped && typeof dropped === 'object')
    add('延期申请', `申请延期至 ${str(dropped.newDeadline) ?? '—'} 的申请未经审核，随之撤销`);
  if (line.event === 'UPDATE_DETAILS') {
    if (str(p.source)) add('问题来源', label(SOURCE_LABELS, str(p.source)));
    if ('responsibleLeader' in p) add('责任领导', str(p.responsibleLeader) ?? '（清除）');
  }
  if (line.event === 'IMPORT' && typeof p.problemSeq === 'number')
    add('来源', `年度报告第${p.problemSeq}个问题`);
  return out;
}

/** The full history of an item, newest first. */
export function HistoryTimeline({
  history,
  currentUserId,
}: {
  history: HistoryLine[];
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
                      <Tag style={{ marginInlineEnd: 4 }}>{label(STATUS_LABELS, line.fromStatus)}</Tag>→{' '}
                    </>
                  )}
                  <Tag color="red">{label(STATUS_LABELS, line.toStatus)}</Tag>
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
