import { Alert, Button, Modal, Typography } from 'antd';
import { type PasswordResetResponse } from '../../api/rectify-api';

/**
 * The one-time password of a reset, shown this once: it is kept nowhere else, so closing the
 * dialog forgets it (a new reset makes another).
 */
export function OneTimePasswordModal({ reset, onClose }: { reset: PasswordResetResponse; onClose(): void }) {
  return (
    <Modal
      open
      title="密码已重置"
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-close">
          我已记下，关闭
        </Button>
      }
      data-testid="one-time-password-modal"
    >
      <Typography.Paragraph>
        {reset.displayName}（{reset.username}）的一次性密码：
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: reset.oneTimePassword, tooltips: ['复制', '已复制'] }}
        style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 2 }}
        data-testid="one-time-password"
      >
        {reset.oneTimePassword}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title="只显示这一次：关闭后无法再次查看。请当面或通过安全渠道告知本人；本人登录后须立即设置新密码，原密码和已登录的会话均已失效。"
      />
    </Modal>
  );
}
