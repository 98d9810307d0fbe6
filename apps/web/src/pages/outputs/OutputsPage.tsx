import { DownloadOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { type UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { errorMessage } from '../../api/error-message';
import { type LedgerRowResponse } from '../../api/rectify-api';
import { useLedger, useSection, useSummaryText } from '../../features/outputs/useOutputs';
import { OrganisationYearPicker, useOrganisationYear } from '../dashboard/OrganisationYearPicker';
import { DocumentText, OutputBody, Toolbar } from './OutputParts';
import { ITEM_LIGHT_LABELS } from '../../api/generated/vocabulary';
import { LIGHT_TAG_COLORS } from '../../components/labels';
import { NoReportsNotice } from '../help/NoReportsNotice';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export function OutputsPage() {
  const picker = useOrganisationYear();
  const { organisationId, year } = picker;
  const { message } = App.useApp();
  // Until a tab is clicked, each organisation opens on the section when it has a report of its
  // own for the year, else on the ledger, which counts those below it (an administrator at the
  // root). Changing the year alone keeps the tab.
  const [clickedTab, setTab] = useState<string | null>(null);
  const [autoTab, setAutoTab] = useState<{ organisationId: string | undefined; tab: string } | null>(null);
  const dataKnown = picker.years.all.length > 0;
  const ownHasYear = picker.years.own.includes(year);
  useEffect(() => {
    if (clickedTab || !dataKnown || autoTab?.organisationId === organisationId) return;
    setAutoTab({ organisationId, tab: ownHasYear ? 'section' : 'ledger' });
  }, [clickedTab, dataKnown, ownHasYear, organisationId, autoTab]);
  const tab = clickedTab ?? autoTab?.tab ?? 'section';
  const [downloading, setDownloading] = useState<string | null>(null);
  const base = `/organisations/${organisationId}`;

  const section = useSection(organisationId, year, tab === 'section');
  const ledger = useLedger(organisationId, year, tab === 'ledger');
  const summary = useSummaryText(organisationId, year, tab === 'summary');

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

  const body = <T,>(loaded: UseQueryResult<T>, render: (data: T) => ReactNode, remedies?: ReactNode) => (
    <OutputBody loaded={loaded} render={render} remedies={remedies} />
  );

  // What to do instead when the organisation itself has nothing of the year: a year it has, or
  // the ledger and summary, which take in the organisations below it.
  const sectionRemedies = (
    <Space wrap data-testid="section-remedies">
      {picker.years.own
        .filter((y) => y !== year)
        .map((y) => (
          <Button key={y} onClick={() => picker.setYear(y)}>
            改看{y}年度
          </Button>
        ))}
      {picker.years.below.includes(year) && (
        <Button onClick={() => setTab('ledger')}>查看{year}年度整改台账（含下级党组织）</Button>
      )}
    </Space>
  );
  const yearRemedies = (
    <Space wrap>
      {picker.years.all
        .filter((y) => y !== year)
        .map((y) => (
          <Button key={y} onClick={() => picker.setYear(y)}>
            改看{y}年度
          </Button>
        ))}
    </Space>
  );

  const okState = (l: UseQueryResult<unknown>) => l.isSuccess;

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
      <NoReportsNotice />
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
                  {body(
                    section,
                    (text) => (
                      <DocumentText text={text} testId="section-preview" />
                    ),
                    sectionRemedies,
                  )}
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
                      <ResponsiveTable
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
                          render: (_: unknown, row: LedgerRowResponse) => {
                            const cell = row.cells[i] ?? '';
                            if (title === '亮灯')
                              return (
                                <Tag color={LIGHT_TAG_COLORS[row.light]}>
                                  {cell || ITEM_LIGHT_LABELS[row.light]}
                                </Tag>
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
                  {body(
                    summary,
                    (text) => (
                      <DocumentText text={text} testId="summary-preview" />
                    ),
                    yearRemedies,
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
