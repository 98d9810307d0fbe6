import { App, Button, Input, Modal, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../api/client';

/** The API's limit per file; checked here too so a wrong file is refused before it is sent. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Upload one evidence file (multipart field `file`) with an optional description (`text`). */
export function UploadModal({
  itemId,
  onClose,
  onDone,
  onError,
}: {
  itemId: string;
  onClose(): void;
  onDone(): Promise<void>;
  onError(err: unknown): Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      message.warning('请选择要上传的佐证文件');
      return;
    }
    if (file.size === 0) {
      message.warning('佐证文件是空的（0 字节）：请检查文件后重新选择');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      message.warning('佐证文件不能超过 20 MB：请压缩图片或拆分文件后上传');
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    if (text.trim()) form.append('text', text.trim());
    setBusy(true);
    try {
      await api.upload(`/items/${itemId}/evidence`, form);
      message.success('佐证材料已上传');
      await onDone();
    } catch (err) {
      await onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="上传整改佐证材料"
      okText="上传"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'modal-submit' }}
      data-testid="upload-modal"
    >
      <Upload
        fileList={files}
        maxCount={1}
        beforeUpload={() => false}
        onChange={({ fileList }) => setFiles(fileList.slice(-1))}
        accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt"
      >
        <Button icon={<UploadOutlined />} data-testid="evidence-file">
          选择文件
        </Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        支持 PDF、JPEG/PNG 图片、Word（.docx）、Excel（.xlsx）、文本文件，单个文件不超过 20
        MB；每个整改事项最多 50 个文件、合计不超过 200 MB。
      </Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        placeholder="佐证说明（可选），例如：支委会会议记录"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="evidence-text"
      />
    </Modal>
  );
}
