import { App, Form, Input, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../api/error-message';
import { type PasswordResetResponse } from '../../api/rectify-api';
import { FormModal } from '../../components/FormModal';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { useUserCommands } from '../../features/users/useUsers';
import { organisationOptions } from './organisation-options';
import { PositionFields, positionGrantsOf, type PositionValue } from './PositionFields';

interface Values {
  username: string;
  displayName: string;
  organisationId: string;
  email?: string;
  positions: PositionValue[];
}

/**
 * 添加人员: account, name, home organisation, contact and positions (POST /api/users). The new
 * account gets a one-time password at once (the reset), which `onAdded` shows once: the person
 * changes it at their first login.
 */
export function AddUserModal({
  onClose,
  onAdded,
}: {
  onClose(): void;
  onAdded(reset: PasswordResetResponse): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { create, resetPassword } = useUserCommands();
  const { tree, loading } = useOrganisationTree();
  const options = useMemo(() => organisationOptions(tree), [tree]);

  const submit = async (values: Values) => {
    try {
      const created = await create.mutateAsync({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        organisationId: values.organisationId,
        email: values.email?.trim() || undefined,
        positions: positionGrantsOf(values.positions),
      });
      onAdded(await resetPassword.mutateAsync(created.id));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title="添加人员"
      okText="添加"
      submitting={create.isPending || resetPassword.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="add-user-modal"
      width={640}
      maskClosable={false}
      intro={
        <Typography.Paragraph type="secondary">
          添加后会生成一次性密码，请告知本人；本人首次登录须修改密码。
        </Typography.Paragraph>
      }
      initialValues={{ positions: [{ kind: 'secretary' } as PositionValue] }}
    >
      <Form.Item
        label="账号"
        name="username"
        rules={[
          { required: true, message: '请输入账号' },
          { pattern: /^[\w.@-]{2,64}$/, message: '账号须为2至64位字母、数字或 . _ @ - 符号' },
        ]}
      >
        <Input autoComplete="off" data-testid="add-user-username" />
      </Form.Item>
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}
      >
        <Input data-testid="add-user-name" />
      </Form.Item>
      <Form.Item
        label="所在组织"
        name="organisationId"
        rules={[{ required: true, message: '请选择所在组织' }]}
      >
        <TreeSelect
          loading={loading}
          treeData={options}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          data-testid="add-user-organisation"
          onChange={(organisationId: string) => {
            // The first position follows the home organisation until chosen otherwise.
            const positions = form.getFieldValue('positions') as PositionValue[] | undefined;
            if (positions?.[0] && !positions[0].organisationId)
              form.setFieldValue(['positions', 0, 'organisationId'], organisationId);
          }}
        />
      </Form.Item>
      <Form.Item label="邮箱（接收提醒）" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input data-testid="add-user-email" />
      </Form.Item>
      <Form.Item label="职务" required>
        <PositionFields options={options} loading={loading} />
      </Form.Item>
    </FormModal>
  );
}
