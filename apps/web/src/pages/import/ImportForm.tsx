import { CheckCircleOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Grid, InputNumber, Select, Space, Typography } from 'antd';
import { useRef } from 'react';
import { type ItemSource, ITEM_SOURCE_LABELS } from '../../api/generated/vocabulary';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { OrganisationSelect } from '../dashboard/OrganisationYearPicker';
import { ACCEPT, FORMATS_HINT, type ImportFlow } from './useImportFlow';

const sourceOptions = (Object.keys(ITEM_SOURCE_LABELS) as ItemSource[]).map((value) => ({
  value,
  label: ITEM_SOURCE_LABELS[value],
}));

/** The head of the import page: organisation, year, source and file, and the three steps. */
export function ImportForm({
  flow,
  tree,
  treeLoading,
  orgName,
}: {
  flow: ImportFlow;
  tree: OrganisationNode[];
  treeLoading: boolean;
  orgName: string | undefined;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  // One field per line on phones: an inline form is as wide as its fields, wider than the screen.
  const phone = Grid.useBreakpoint().md === false;
  const { file, busy, extraction, imported, organisationId, year } = flow;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        报告导入
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {
          '上传党组织的年度党建工作报告（述职报告、工作总结），系统提取“存在的问题”，每个问题建立一个整改事项；同时核对报告中的“上年度整改情况”与跟踪记录是否一致。同一文件重复上传不会重复建立事项。'
        }
      </Typography.Paragraph>
      <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 12 }}>
        <Form.Item label="党组织" required>
          <OrganisationSelect
            tree={tree}
            loading={treeLoading}
            value={flow.organisationId}
            onChange={flow.setOrganisationId}
          />
        </Form.Item>
        <Form.Item label="报告年度" tooltip="不填则按报告内容自动识别">
          <InputNumber
            data-testid="import-year"
            aria-label="报告年度"
            min={1990}
            max={2100}
            value={flow.year}
            onChange={(v) => flow.setYear(v ?? null)}
            placeholder="自动识别"
            style={{ width: 120 }}
          />
        </Form.Item>
        <Form.Item label="问题来源">
          <Select<ItemSource>
            data-testid="import-source"
            aria-label="问题来源"
            style={{ width: 150 }}
            value={flow.source}
            onChange={flow.setSource}
            options={sourceOptions}
          />
        </Form.Item>
        <Form.Item label="报告文件" required>
          <Space wrap>
            <input
              ref={fileInput}
              data-testid="report-file-input"
              type="file"
              accept={ACCEPT}
              style={{ display: 'none' }}
              onChange={(e) => {
                flow.pick(e.target.files?.[0]);
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
          onClick={() => void flow.preview()}
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
          onClick={() => void flow.doImport()}
          data-testid="import-button"
        >
          确认导入{orgName ? `到${orgName}` : ''}
        </Button>
        <Button
          disabled={!file || !organisationId}
          loading={busy === 'reconcile'}
          onClick={() => void flow.reconcile()}
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
  );
}
