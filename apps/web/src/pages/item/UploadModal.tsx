import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography, Upload, type UploadFile } from 'antd';
import { FormModal } from '../../components/FormModal';
import { useUploadEvidence } from '../../features/items/useItemChanges';
import { useReportItemError } from '../../features/items/useReportItemError';

/** The API's limit per file; checked here too so a wrong file is refused before it is sent. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

interface Values {
  files?: UploadFile[];
  text?: string;
}

/** What is wrong with the chosen file, or null when it may be sent. */
function refusal(file: File): string | null {
  if (file.size === 0) return '佐证文件是空的（0 字节）：请检查文件后重新选择';
  if (file.size > MAX_FILE_BYTES) return '佐证文件不能超过 20 MB：请压缩图片或拆分文件后上传';
  return null;
}

/**
 * Upload one evidence file (multipart field `file`) with an optional description (`text`): chosen
 * from the device, or, on a phone, a photo taken there and then with the back camera (拍照).
 */
export function UploadModal({ itemId, onClose }: { itemId: string; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { mutateAsync: upload, isPending } = useUploadEvidence();
  const reportError = useReportItemError();

  const submit = async ({ files, text }: Values) => {
    const file = files?.[0]?.originFileObj;
    const wrong = file ? refusal(file) : '请选择要上传的佐证文件';
    if (wrong !== null || !file) {
      message.warning(wrong);
      return;
    }
    try {
      await upload({ itemId, file, text: (text ?? '').trim() });
      message.success('佐证材料已上传');
      onClose();
    } catch (err) {
      await reportError(itemId, err);
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title="上传整改佐证材料"
      okText="上传"
      submitting={isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="upload-modal"
    >
      <Space wrap align="start">
        <Form.Item
          name="files"
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)}
          style={{ marginBottom: 0 }}
        >
          <Upload maxCount={1} beforeUpload={() => false} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt">
            <Button icon={<UploadOutlined />} data-testid="evidence-file">
              选择文件
            </Button>
          </Upload>
        </Form.Item>
        {/* A photo taken now goes into the same one-file list that 选择文件 fills. */}
        <Upload
          accept="image/*"
          capture="environment"
          showUploadList={false}
          beforeUpload={() => false}
          onChange={({ fileList }) => form.setFieldValue('files', fileList.slice(-1))}
        >
          <Button icon={<CameraOutlined />} data-testid="evidence-camera">
            拍照上传
          </Button>
        </Upload>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        支持 PDF、JPEG/PNG 图片、Word（.docx）、Excel（.xlsx）、文本文件，单个文件不超过 20
        MB；每个整改事项最多 50 个文件、合计不超过 200 MB。
      </Typography.Paragraph>
      <Form.Item name="text" style={{ marginBottom: 0 }}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder="佐证说明（可选），例如：支委会会议记录"
          data-testid="evidence-text"
        />
      </Form.Item>
    </FormModal>
  );
}
