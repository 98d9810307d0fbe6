import { App, Form, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../api/error-message';
import { type UserEntryResponse } from '../../api/rectify-api';
import { FormModal } from '../../components/FormModal';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { useUserCommands } from '../../features/users/useUsers';
import { organisationOptions } from './organisation-options';
import { PositionFields, positionGrantsOf, type PositionValue, positionValuesOf } from './PositionFields';

/**
 * 设置职务: the person's positions, replaced as a whole (PUT /api/users/{id}/positions). What
 * they may do follows at their next request.
 */
export function PositionsModal({ user, onClose }: { user: UserEntryResponse; onClose(): void }) {
  const [form] = Form.useForm<{ positions: PositionValue[] }>();
  const { message } = App.useApp();
  const { setPositions } = useUserCommands();
  const { tree, loading } = useOrganisationTree();
  const options = useMemo(() => organisationOptions(tree), [tree]);

  const submit = ({ positions }: { positions: PositionValue[] }) =>
    setPositions.mutate(
      { id: user.id, positions: positionGrantsOf(positions) },
      {
        onSuccess: () => {
          message.success(`已设置 ${user.displayName} 的职务。`);
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );

  return (
    <FormModal<{ positions: PositionValue[] }>
      form={form}
      title={`设置职务：${user.displayName}（${user.username}）`}
      okText="保存"
      submitting={setPositions.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="positions-modal"
      width={640}
      intro={
        <Typography.Paragraph type="secondary">
          书记承担本组织整改并督办下级；副书记、组织委员督办下级；管理员管理本组织及其下级的组织、人员和导入。职权留空即按职务默认。
        </Typography.Paragraph>
      }
      initialValues={{ positions: positionValuesOf(user) }}
    >
      <PositionFields options={options} loading={loading} />
    </FormModal>
  );
}
