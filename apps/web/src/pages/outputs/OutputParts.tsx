import { type UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Space, Spin, Typography } from 'antd';
import { type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../api/error-message';

/**
 * Why a document could not be generated. Nothing of that year (404) says what to do in the web
 * UI: `remedies` (other years, another tab), the import page for an administrator, or whom to ask.
 */
export function Failure({ error, remedies }: { error: unknown; remedies?: ReactNode }) {
  const { user } = useAuth();
  const notFound = error instanceof ApiError && error.status === 404;
  const administers = user?.capabilities.administers ?? false;
  return (
    <Result
      data-testid="output-error"
      status={notFound ? 'warning' : 'error'}
      title={notFound ? '暂无可生成的内容' : '生成失败'}
      subTitle={errorMessage(error)}
      extra={
        notFound ? (
          <Space orientation="vertical" align="center">
            {remedies}
            {administers ? (
              <Link to="/import">
                <Button type="primary">前往报告导入</Button>
              </Link>
            ) : (
              <Typography.Text type="secondary">
                如需该年度的材料，请联系管理员导入该年度的报告。
              </Typography.Text>
            )}
          </Space>
        ) : undefined
      }
    />
  );
}

/** A generated text shown like a printed document. */
export function DocumentText({ text, testId }: { text: string; testId: string }) {
  const [title, ...rest] = text.split('\n');
  return (
    <div
      data-testid={testId}
      style={{
        background: '#fff',
        border: '1px solid #f0f0f0',
        boxShadow: '0 1px 4px rgba(0,0,0,0.06)',
        padding: '32px 48px',
        maxWidth: 900,
        margin: '0 auto',
        fontFamily: '"FangSong", "仿宋", "STFangsong", serif',
        fontSize: 16,
        lineHeight: 2,
      }}
    >
      <div style={{ textAlign: 'center', fontSize: 20, fontWeight: 'bold', marginBottom: 16 }}>{title}</div>
      {rest.map((line, i) =>
        line.trim() === '' ? (
          <div key={i} style={{ height: 8 }} />
        ) : (
          <p key={i} style={{ margin: 0, textIndent: '2em' }}>
            {line}
          </p>
        ),
      )}
    </div>
  );
}

/** The hint above a document and its download button. */
export function Toolbar({ hint, children }: { hint: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        flexWrap: 'wrap',
        gap: 8,
        marginBottom: 16,
      }}
    >
      <Typography.Text type="secondary">{hint}</Typography.Text>
      <Space>{children}</Space>
    </div>
  );
}

/** A document's preview: a spinner while it is generated, the failure (with its remedies), or `render(data)`. */
export function OutputBody<T>({
  loaded,
  render,
  remedies,
}: {
  loaded: UseQueryResult<T>;
  render: (data: T) => ReactNode;
  remedies?: ReactNode;
}) {
  if (loaded.isError) return <Failure error={loaded.error} remedies={remedies} />;
  if (loaded.data === undefined)
    return (
      <div style={{ padding: 60, textAlign: 'center' }}>
        <Spin description="正在生成…" />
      </div>
    );
  return render(loaded.data);
}
