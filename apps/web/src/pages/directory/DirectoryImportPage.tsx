import { ApartmentOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { type DirectoryImportResponse } from '../../api/rectify-api';
import {
  directoryProblems,
  downloadDirectoryTemplate,
  useDirectoryImport,
} from '../../features/directory/useDirectoryImport';
import { DirectoryProblemsTable } from './DirectoryProblemsTable';
import { DirectoryResultCard } from './DirectoryResultCard';

/**
 * 批量导入组织和人员: an administrator downloads the template, uploads it filled in, reads the
 * problems by row when there are any (nothing is written then), fixes and uploads again, and
 * gets the counts and the new accounts' one-time passwords, shown this once.
 */
export function DirectoryImportPage() {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<DirectoryImportResponse | null>(null);
  const importing = useDirectoryImport();
  const problems = directoryProblems(importing.error);

  const run = (dryRun: boolean) => {
    if (!file) return;
    setResult(null);
    importing.mutate({ file, dryRun }, { onSuccess: setResult });
  };
  const onTemplate = () =>
    downloadDirectoryTemplate().catch((err: unknown) => void message.error(errorMessage(err)));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="directory-import-page">
      <Card
        title={
          <span>
            <ApartmentOutlined style={{ marginInlineEnd: 8 }} />
            批量导入组织和人员
          </span>
        }
        extra={
          <Button icon={<DownloadOutlined />} onClick={onTemplate} data-testid="directory-template">
            下载模板
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          按模板填写：一行一个组织，可同时写一位在该组织任职的人员；一个组织有几个人就写几行，一人有几个职务也写几行。
          新组织须写上级组织和组织类别，行的先后不限。先检查全部行，全部无误才导入；已有的组织和人员保持不变，同一文件重复导入不会重复建立。
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            importing.reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            importing.reset();
          }}
          fileList={file ? [{ uid: 'directory', name: file.name, status: 'done' }] : []}
          data-testid="directory-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入按模板填写的 .xlsx 文件</p>
          <p className="ant-upload-hint">不超过 5 MB、5000 行</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 16 }}>
          <Button
            onClick={() => run(true)}
            disabled={!file}
            loading={importing.isPending && importing.variables?.dryRun}
            data-testid="directory-check"
          >
            只检查
          </Button>
          <Button
            type="primary"
            onClick={() => run(false)}
            disabled={!file}
            loading={importing.isPending && !importing.variables?.dryRun}
            data-testid="directory-submit"
          >
            检查并导入
          </Button>
        </Space>
      </Card>
      {importing.isError &&
        (problems ? (
          <DirectoryProblemsTable problems={problems} />
        ) : (
          <Alert type="error" showIcon title={errorMessage(importing.error)} data-testid="directory-error" />
        ))}
      {result && <DirectoryResultCard result={result} />}
    </Space>
  );
}
