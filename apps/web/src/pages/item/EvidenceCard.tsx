import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ItemEvidenceResponse } from '../../api/rectify-api';
import { downloadEvidence, type LoadedItem } from '../../features/items/item-api';
import { useDeleteEvidence } from '../../features/items/useItemChanges';
import { useReportItemError } from '../../features/items/useReportItemError';
import { isImageEvidence } from '../../features/items/evidence-image';
import { EvidenceThumbnail } from './EvidenceThumbnail';

interface Props {
  item: LoadedItem;
  mobile: boolean;
  onUpload(): void;
}

/**
 * 整改佐证材料: the files and texts, pictures as thumbnails (tap for full size), each file
 * downloadable and, when allowed, deletable.
 */
export function EvidenceCard({ item, mobile, onUpload }: Props) {
  const { message } = App.useApp();
  const reportError = useReportItemError();
  const { mutateAsync: remove } = useDeleteEvidence();
  const mayUpload = item.allowedActions.includes('ATTACH_EVIDENCE');

  /** Only files are withdrawn, by whom the server allows. */
  const mayDelete = (ev: ItemEvidenceResponse) => !!ev.fileName && ev.mayDelete;

  const download = async (ev: ItemEvidenceResponse) => {
    try {
      await downloadEvidence(item.id, ev);
    } catch (err) {
      await reportError(item.id, err);
    }
  };

  const removeEvidence = async (ev: ItemEvidenceResponse) => {
    try {
      await remove({ itemId: item.id, evidenceId: ev.id });
      message.success('佐证材料已删除');
    } catch (err) {
      await reportError(item.id, err);
    }
  };

  return (
    <Card
      title="整改佐证材料"
      data-testid="evidence-card"
      styles={{ body: { padding: mobile ? 12 : 24 } }}
      extra={
        mayUpload && (
          <Button size="small" icon={<UploadOutlined />} onClick={onUpload} data-testid="evidence-upload">
            上传佐证
          </Button>
        )
      }
    >
      {item.evidence.length === 0 ? (
        <Empty description="暂无整改佐证材料" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="evidence-list">
          {item.evidence.map((ev) => (
            <div
              key={ev.id}
              data-testid="evidence-item"
              style={{
                display: 'flex',
                gap: 8,
                alignItems: 'flex-start',
                padding: '8px 0',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <PaperClipOutlined style={{ marginTop: 4, color: '#8c8c8c' }} />
              <div style={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }}>
                {ev.fileName && isImageEvidence(ev.fileName) && (
                  <div style={{ marginBottom: 4 }}>
                    <EvidenceThumbnail itemId={item.id} evidenceId={ev.id} fileName={ev.fileName} />
                  </div>
                )}
                {ev.fileName && (
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(ev)}
                    data-testid="evidence-download"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  >
                    {ev.fileName}
                  </Button>
                )}
                {ev.text && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(ev.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </div>
              {mayDelete(ev) && (
                <Popconfirm
                  title="删除该佐证文件？"
                  description="删除后将记入整改全过程记录。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true, ...{ 'data-testid': 'evidence-delete-confirm' } }}
                  onConfirm={() => removeEvidence(ev)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除 ${ev.fileName}`}
                    data-testid="evidence-delete"
                  />
                </Popconfirm>
              )}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
