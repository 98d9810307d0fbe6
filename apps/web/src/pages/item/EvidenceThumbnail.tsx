import { FileImageOutlined } from '@ant-design/icons';
import { Image } from 'antd';
import { useEvidenceImage } from '../../features/items/useEvidenceImage';

const SIZE = 96;

/**
 * A picture among the evidence as a small square; a tap (or click) opens it full size, to zoom
 * and rotate. While it loads, or when it cannot be shown, a grey square with a picture icon.
 */
export function EvidenceThumbnail({
  itemId,
  evidenceId,
  fileName,
}: {
  itemId: string;
  evidenceId: string;
  fileName: string;
}) {
  const { url } = useEvidenceImage(itemId, evidenceId);
  if (!url)
    return (
      <div
        aria-hidden
        style={{
          width: SIZE,
          height: SIZE,
          borderRadius: 4,
          background: '#f5f5f5',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          color: '#bfbfbf',
          fontSize: 28,
        }}
      >
        <FileImageOutlined />
      </div>
    );
  return (
    <Image
      src={url}
      alt={fileName}
      width={SIZE}
      height={SIZE}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      data-testid="evidence-thumbnail"
    />
  );
}
