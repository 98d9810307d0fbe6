import { App, Modal, Typography } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the user menu: on success, other sessions of this person have ended. */
export function ChangePasswordModal({ onClose }: { onClose(): void }) {
  const { message } = App.useApp();
  return (
    <Modal
      open
      title="修改密码"
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      data-testid="change-password-modal"
    >
      <Typography.Paragraph type="secondary">
        修改后，您在其他设备或浏览器上的登录将全部失效。
      </Typography.Paragraph>
      <ChangePasswordForm
        oneTime={false}
        submitText="确认修改"
        onDone={() => {
          message.success('密码已修改，其他设备上的登录已失效。');
          onClose();
        }}
      />
    </Modal>
  );
}
