import { CheckCircleOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { OrganisationSelect, useOrganisationTree } from '../dashboard/OrganisationYearPicker';
import { errorMessage, type ReconcileResult, type Source, SOURCE_TEXT } from '../dashboard/shared';
import { ReconciliationView, RecurringList } from './ReconciliationView';
import { Block, type Extraction, type PreviewCorrections, PreviewPanel } from './PreviewPanel';
import { type ImportResult, ImportResultCard } from './ImportResultCard';
import { ReportTextView } from './ReportTextView';

/** Every format the API reads (the server answers .xls with advice to save it as .xlsx). */
const ACCEPT = '.docx,.doc,.wps,.pdf,.txt,.md,.xlsx,.xls,.csv';
const ACCEPTED_NAME = /\.(docx|doc|wps|pdf|txt|md|xlsx|xls|csv)$/i;
const FORMATS_HINT =
  'Word（.docx/.doc）、WPS（.wps）、PDF（需有文字层）、.txt/.md、问题清单表格（.xlsx/.csv）';

export function ImportPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const { tree, loading: treeLoading } = useOrganisationTree();
  const fileInput = useRef<HTMLInputElement>(null);
  const [organisationId, setOrganisationId] = useState<string | undefined>(user?.organisation.id);
  const [year, setYear] = useState<number | null>(null);
  const [source, setSource] = useState<Source>('self_inspection');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'import' | 'reconcile' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [corrections, setCorrections] = useState<PreviewCorrections>({ dropped: new Set(), titles: {} });
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [checked, setChecked] = useState<ReconcileResult | null>(null);

  if (user?.role !== 'admin') {
    return <Result status="403" title="无权访问" subTitle="只有管理员可以导入报告：请联系管理员。" />;
  }

  const reset = () => {
    setExtraction(null);
    setCorrections({ dropped: new Set(), titles: {} });
    setImported(null);
    setChecked(null);
    setError(null);
  };

  const pick = (f: File | undefined) => {
    if (!f) return;
    if (!ACCEPTED_NAME.test(f.name)) {
      message.error(`只支持 ${FORMATS_HINT} 格式的报告文件`);
      return;
    }
    reset();
    setFile(f);
  };

  const form = (withDetails: boolean) => {
    const data = new FormData();
    data.append('file', file as File);
    if (withDetails) {
      if (organisationId) data.append('organisationId', organisationId);
      if (year) data.append('year', String(year));
    }
    return data;
  };

  const preview = async () => {
    if (!file) return;
    setBusy('preview');
    reset();
    try {
      const result = await api.upload<Extraction>('/reports/preview', form(false));
      setExtraction(result);
      if (!year && result.year) setYear(result.year);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const doImport = async () => {
    if (!file || !organisationId) return;
    setBusy('import');
    setError(null);
    try {
      const data = form(true);
      data.append('source', source);
      const titles = Object.fromEntries(
        Object.entries(corrections.titles).filter(
          ([seq, title]) => extraction?.problems.find((p) => p.seq === Number(seq))?.title !== title.trim(),
        ),
      );
      if (corrections.dropped.size > 0 || Object.keys(titles).length > 0) {
        data.append('corrections', JSON.stringify({ dropProblemSeqs: [...corrections.dropped], titles }));
      }
      const result = await api.upload<ImportResult>('/reports', data);
      setImported(result);
      setChecked(null);
      message.success(
        result.created ? `已导入，建立 ${result.itemIds.length} 个整改事项` : '该报告此前已导入',
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const reconcile = async () => {
    if (!file || !organisationId) return;
    setBusy('reconcile');
    setError(null);
    setChecked(null);
    try {
      setChecked(await api.upload<ReconcileResult>('/reports/reconcile', form(true)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const orgName = (() => {
    const find = (nodes: typeof tree): string | undefined => {
      for (const n of nodes) {
        if (n.id === organisationId) return n.name;
        const below = find(n.children);
        if (below) return below;
      }
      return undefined;
    };
    return find(tree);
  })();

  return (
    <div data-testid="import-page">
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          报告导入
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {
            '上传党组织的年度党建工作报告（述职报告、工作总结），系统提取“存在的问题”，每个问题建立一个整改事项；同时核对报告中的“上年度整改情况”与跟踪记录是否一致。同一文件重复上传不会重复建立事项。'
          }
        </Typography.Paragraph>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="党组织" required>
            <OrganisationSelect
              tree={tree}
              loading={treeLoading}
              value={organisationId}
              onChange={setOrganisationId}
            />
          </Form.Item>
          <Form.Item label="报告年度" tooltip="不填则按报告内容自动识别">
            <InputNumber
              data-testid="import-year"
              min={1990}
              max={2100}
              value={year}
              onChange={(v) => setYear(v ?? null)}
              placeholder="自动识别"
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item label="问题来源">
            <Select<Source>
              data-testid="import-source"
              style={{ width: 150 }}
              value={source}
              onChange={setSource}
              options={(Object.keys(SOURCE_TEXT) as Source[]).map((s) => ({
                value: s,
                label: SOURCE_TEXT[s],
              }))}
            />
          </Form.Item>
          <Form.Item label="报告文件" required>
            <Space>
              <input
                ref={fileInput}
                data-testid="report-file-input"
                type="file"
                accept={ACCEPT}
                style={{ display: 'none' }}
                onChange={(e) => {
                  pick(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
                选择文件
              </Button>
              <Typography.Text type={file ? undefined : 'secondary'} data-testid="report-file-name">
                {file ? file.name : `支持 ${FORMATS_HINT}，不超过 10 MB`}
              </Typography.Text>
            </Space>
          </Form.Item>
        </Form>
        <Space style={{ marginTop: 16 }} wrap>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            disabled={!file}
            loading={busy === 'preview'}
            onClick={preview}
            data-testid="preview-button"
          >
            预览提取结果
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={
              !file || !extraction || !organisationId || imported !== null || (!year && !extraction.year)
            }
            loading={busy === 'import'}
            onClick={doImport}
            data-testid="import-button"
          >
            确认导入{orgName ? `到${orgName}` : ''}
          </Button>
          <Button
            disabled={!file || !organisationId}
            loading={busy === 'reconcile'}
            onClick={reconcile}
            data-testid="reconcile-button"
          >
            仅核对（不导入）
          </Button>
          {file && !extraction && (
            <Typography.Text type="secondary">请先预览，确认提取结果无误后再导入。</Typography.Text>
          )}
          {extraction && !year && !extraction.year && (
            <Typography.Text type="warning">未识别到报告年度，请填写后再导入。</Typography.Text>
          )}
        </Space>
      </Card>

      {error && (
        <Alert
          data-testid="import-error"
          type="error"
          showIcon
          title="操作未成功"
          description={error}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setError(null) }}
        />
      )}

      {imported && (
        <ImportResultCard
          imported={imported}
          extraction={extraction}
          orgName={orgName}
          onAgain={() => {
            reset();
            setFile(null);
          }}
        />
      )}

      {checked && (
        <Card title="核对结果（未导入）" style={{ marginBottom: 16 }} data-testid="reconcile-result">
          <ReconciliationView result={checked} />
          <Block title="反复出现的问题" count={checked.reconciliation.recurring.length}>
            <RecurringList recurring={checked.reconciliation.recurring} />
          </Block>
        </Card>
      )}

      <Spin spinning={busy === 'preview'} description="正在提取…">
        {extraction ? (
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="提取结果" style={{ height: '100%' }}>
                <PreviewPanel extraction={extraction} corrections={corrections} onChange={setCorrections} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`报告原文${file ? `：${file.name}` : ''}`} style={{ height: '100%' }}>
                <ReportTextView extraction={extraction} />
              </Card>
            </Col>
          </Row>
        ) : (
          !imported &&
          !checked && (
            <Card>
              <Empty description="选择报告文件后点击“预览提取结果”，核对无误再确认导入" />
            </Card>
          )
        )}
      </Spin>
    </div>
  );
}
