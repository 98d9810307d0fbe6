import { DownloadOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { OrganisationYearPicker, useOrganisationYear } from '../dashboard/OrganisationYearPicker';
import { errorMessage, type Light, LIGHT_COLOR, LIGHT_TEXT } from '../dashboard/shared';

interface Ledger {
  title: string;
  columns: string[];
  rows: { itemId: string; light: Light; cells: string[] }[];
}

type Loaded<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: unknown };

/** Loads `load()` whenever its key changes; the latest answer wins. */
function useLoad<T>(key: string, active: boolean, load: () => Promise<T>): Loaded<T> | null {
  const [result, setResult] = useState<{ key: string; value: Loaded<T> } | null>(null);
  useEffect(() => {
    if (!active || result?.key === key) return;
    let live = true;
    setResult({ key, value: { state: 'loading' } });
    load()
      .then((data) => live && setResult({ key, value: { state: 'ok', data } }))
      .catch((error: unknown) => live && setResult({ key, value: { state: 'error', error } }));
    return () => {
      live = false;
    };
    // `key` names everything `load` uses: reload only when it changes.
  }, [key, active]);
  return result?.key === key ? result.value : null;
}

function Failure({ error }: { error: unknown }) {
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
function DocumentText({ text, testId }: { text: string; testId: string }) {
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

function Toolbar({ hint, children }: { hint: ReactNode; children: ReactNode }) {
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

export function OutputsPage() {
  const picker = useOrganisationYear();
  const { organisationId, year } = picker;
  const { message } = App.useApp();
  const [tab, setTab] = useState('section');
  const [downloading, setDownloading] = useState<string | null>(null);
  const base = `/organisations/${organisationId}`;
  const key = `${organisationId}:${year}`;
  const ready = Boolean(organisationId);

  const section = useLoad(key, ready && tab === 'section', () =>
    api.text(`${base}/section`, { year: year + 1, format: 'text' }),
  );
  const ledger = useLoad(key, ready && tab === 'ledger', () =>
    api.get<Ledger>(`${base}/ledger`, { year, format: 'json' }),
  );
  const summary = useLoad(key, ready && tab === 'summary', () =>
    api.text(`${base}/summary`, { year, format: 'text' }),
  );

  const download = async (
    what: string,
    path: string,
    query: Record<string, string | number>,
    name: string,
  ) => {
    setDownloading(what);
    try {
      await api.download(path, query, name);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(null);
    }
  };

  const body = <T,>(loaded: Loaded<T> | null, render: (data: T) => ReactNode) => {
    if (!loaded || loaded.state === 'loading')
      return (
        <div style={{ padding: 60, textAlign: 'center' }}>
          <Spin description="正在生成…" />
        </div>
      );
    if (loaded.state === 'error') return <Failure error={loaded.error} />;
    return render(loaded.data);
  };

  const okState = (l: Loaded<unknown> | null) => l?.state === 'ok';

  return (
    <div data-testid="outputs-page">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              整改材料输出
            </Typography.Title>
            <Typography.Text type="secondary">
              根据跟踪记录生成下一年度报告的“上年度整改情况”、整改台账和整改情况汇总
            </Typography.Text>
          </div>
          <OrganisationYearPicker state={picker} />
        </div>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'section',
              label: '上年度整改情况',
              children: (
                <>
                  <Toolbar
                    hint={`${year + 1}年度报告中的“上年度整改情况”一节，写明${year}年度查摆问题的整改情况（仅本组织）`}
                  >
                    <Button
                      type="primary"
                      icon={<FileWordOutlined />}
                      disabled={!okState(section)}
                      loading={downloading === 'section'}
                      data-testid="download-section-docx"
                      onClick={() =>
                        download(
                          'section',
                          `${base}/section`,
                          { year: year + 1, format: 'docx' },
                          '上年度整改情况.docx',
                        )
                      }
                    >
                      下载 Word (.docx)
                    </Button>
                  </Toolbar>
                  {body(section, (text) => (
                    <DocumentText text={text} testId="section-preview" />
                  ))}
                </>
              ),
            },
            {
              key: 'ledger',
              label: '整改台账',
              children: (
                <>
                  <Toolbar hint={`${year}年度查摆问题整改台账（含下级党组织）`}>
                    <Button
                      type="primary"
                      icon={<FileExcelOutlined />}
                      disabled={!okState(ledger)}
                      loading={downloading === 'ledger'}
                      data-testid="download-ledger-xlsx"
                      onClick={() =>
                        download('ledger', `${base}/ledger`, { year, format: 'xlsx' }, '整改台账.xlsx')
                      }
                    >
                      下载 Excel (.xlsx)
                    </Button>
                  </Toolbar>
                  {body(ledger, (data) => (
                    <>
                      <Typography.Title level={5} style={{ textAlign: 'center' }}>
                        {data.title}
                      </Typography.Title>
                      <Table
                        data-testid="ledger-preview"
                        size="small"
                        bordered
                        rowKey="itemId"
                        dataSource={data.rows}
                        pagination={data.rows.length > 20 ? { pageSize: 20 } : false}
                        scroll={{ x: 1800 }}
                        locale={{ emptyText: `${year}年度暂无整改事项` }}
                        columns={data.columns.map((title, i) => ({
                          key: String(i),
                          title,
                          width:
                            title === '序号' ? 56 : title === '问题描述' ? 300 : title === '亮灯' ? 90 : 140,
                          fixed: title === '序号' ? ('left' as const) : undefined,
                          render: (_: unknown, row: Ledger['rows'][number]) => {
                            const cell = row.cells[i] ?? '';
                            if (title === '亮灯')
                              return (
                                <Tag color={LIGHT_COLOR[row.light]}>{cell || LIGHT_TEXT[row.light]}</Tag>
                              );
                            if (title === '问题描述')
                              return (
                                <Link to={`/items/${row.itemId}`} style={{ whiteSpace: 'pre-wrap' }}>
                                  {cell}
                                </Link>
                              );
                            return <span style={{ whiteSpace: 'pre-wrap' }}>{cell}</span>;
                          },
                        }))}
                      />
                    </>
                  ))}
                </>
              ),
            },
            {
              key: 'summary',
              label: '整改情况汇总',
              children: (
                <>
                  <Toolbar hint={`${year}年度查摆问题整改情况汇总（含下级党组织），供上级党组织督导使用`}>
                    <Button
                      type="primary"
                      icon={<DownloadOutlined />}
                      disabled={!okState(summary)}
                      loading={downloading === 'summary'}
                      data-testid="download-summary-docx"
                      onClick={() =>
                        download('summary', `${base}/summary`, { year, format: 'docx' }, '整改情况汇总.docx')
                      }
                    >
                      下载 Word (.docx)
                    </Button>
                  </Toolbar>
                  {body(summary, (text) => (
                    <DocumentText text={text} testId="summary-preview" />
                  ))}
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
