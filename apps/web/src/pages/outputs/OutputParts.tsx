import { type UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Space, Spin, Typography } from 'antd';
import { type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/error-message';

/** Why a document could not be generated; nothing imported yet is a 404 with a way to import. */
export function Failure({ error }: { error: unknown }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Result
      data-testid="output-error"
      status={notFound ? 'warning' : 'error'}
      title={notFound ? '暂无可生成的内容' : '生成失败'}
      subTitle={errorMessage(error)}
      extra={
        notFound ? (
          <Link to="/import">
            <Button type="primary">前往报告导入</Button>
          </Link>
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

/** A document's preview: a spinner while it is generated, the failure, or `render(data)`. */
export function OutputBody<T>({
  loaded,
  render,
}: {
  loaded: UseQueryResult<T>;
  render: (data: T) => ReactNode;
}) {
  if (loaded.isError) return <Failure error={loaded.error} />;
  if (loaded.data === undefined)
    return (
      <div style={{ padding: 60, textAlign: 'center' }}>
        <Spin description="正在生成…" />
      </div>
    );
  return render(loaded.data);
}
