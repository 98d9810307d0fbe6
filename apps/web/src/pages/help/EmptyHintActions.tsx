import { PlusOutlined, QuestionCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { type EmptyAction } from '../../features/help/empty-hints';

/** The next steps a blank page offers, as buttons; `onCreate` opens 新建整改事项 where it lives. */
export function EmptyHintActions({ actions, onCreate }: { actions: EmptyAction[]; onCreate?(): void }) {
  const navigate = useNavigate();
  return (
    <Space wrap style={{ justifyContent: 'center' }}>
      {actions.includes('import') && (
        <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/import')}>
          去导入报告
        </Button>
      )}
      {actions.includes('create') && onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="empty-create-items">
          新建整改事项
        </Button>
      )}
      {actions.includes('help') && (
        <Button icon={<QuestionCircleOutlined />} onClick={() => navigate('/help')} data-testid="empty-help">
          查看使用说明
        </Button>
      )}
    </Space>
  );
}
