import { App, Modal, Typography } from 'antd';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { useOrganisationAdmin } from '../../features/organisations/useOrganisationAdmin';
import { ModalError } from './ModalError';

/** 停用 / 启用 one organisation, after saying what it means. */
export function ToggleActiveModal({
  organisation,
  onClose,
}: {
  organisation: OrganisationNode;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const { setActive } = useOrganisationAdmin();
  const activate = organisation.disabled;
  const verb = activate ? '启用' : '停用';
  const confirm = () =>
    setActive.mutate(
      { id: organisation.id, active: activate },
      {
        onSuccess: () => {
          message.success(`已${verb}"${organisation.name}"。`);
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={`${verb}：${organisation.name}`}
      okText={verb}
      cancelText="取消"
      okButtonProps={{ danger: !activate, ...{ 'data-testid': 'modal-submit' } }}
      cancelButtonProps={{ ...{ 'data-testid': 'modal-cancel' } }}
      confirmLoading={setActive.isPending}
      onOk={confirm}
      onCancel={onClose}
      data-testid="org-toggle-modal"
    >
      <ModalError error={setActive.error} />
      <Typography.Paragraph>
        {activate
          ? '启用后可以再为该组织添加人员、新建整改事项和导入报告。'
          : '停用后该组织的整改事项和历史记录保留，但不能再添加人员、新建整改事项或导入报告，也不再出现在选择列表中。下面还有在用的组织时不能停用。'}
      </Typography.Paragraph>
    </Modal>
  );
}
