import { Typography } from 'antd';
import { type ReactNode } from 'react';

interface Props {
  deadline: string | null;
  workdaysLeft: number | null | undefined;
  workdaysOverdue: number | null | undefined;
}

/** 整改时限 with 剩余N个工作日 / 已超期N个工作日 beneath it. */
export function DeadlineText({ deadline, workdaysLeft, workdaysOverdue }: Props) {
  if (!deadline) return <Typography.Text type="secondary">未定时限</Typography.Text>;
  let hint: ReactNode = null;
  if (workdaysOverdue !== null && workdaysOverdue !== undefined && workdaysOverdue > 0) {
    hint = (
      <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="deadline-overdue">
        已超期{workdaysOverdue}个工作日
      </Typography.Text>
    );
  } else if (workdaysLeft !== null && workdaysLeft !== undefined) {
    hint = (
      <Typography.Text
        type={workdaysLeft <= 5 ? 'warning' : 'secondary'}
        style={{ fontSize: 12 }}
        data-testid="deadline-left"
      >
        {workdaysLeft === 0 ? '今日到期' : `剩余${workdaysLeft}个工作日`}
      </Typography.Text>
    );
  }
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.4 }}>
      <span>{deadline}</span>
      {hint}
    </span>
  );
}
