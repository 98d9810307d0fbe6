import { App, Form, Input, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../../api/error-message';
import { type UserEntryResponse } from '../../api/rectify-api';
import { FormModal } from '../../components/FormModal';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';
import { useUserCommands } from '../../features/users/useUsers';
import { organisationOptions } from './organisation-options';

interface Values {
  displayName: string;
  phone?: string;
  email?: string;
  organisationId: string;
}

/** Edit a person's name, phone, e-mail and home organisation (their positions: PositionsModal). */
export function EditUserModal({ user, onClose }: { user: UserEntryResponse; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { edit } = useUserCommands();
  const { tree, loading } = useOrganisationTree();
  const options = useMemo(() => organisationOptions(tree), [tree]);

  const submit = (values: Values) =>
    edit.mutate(
      {
        id: user.id,
        changes: {
          displayName: values.displayName,
          phone: values.phone?.trim() || null,
          email: values.email?.trim() || null,
          organisationId: values.organisationId,
        },
      },
      {
        onSuccess: () => {
          message.success(`已保存 ${values.displayName} 的信息。`);
          onClose();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );

  return (
    <FormModal<Values>
      form={form}
      title={`编辑人员：${user.username}`}
      okText="保存"
      submitting={edit.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="edit-user-modal"
      initialValues={{
        displayName: user.displayName,
        phone: user.phone ?? '',
        email: user.email ?? '',
        organisationId: user.organisationId,
      }}
    >
      <Form.Item
        label="姓名"
        name="displayName"
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50 }]}
      >
        <Input data-testid="edit-user-name" />
      </Form.Item>
      <Form.Item label="手机" name="phone" rules={[{ max: 30 }]}>
        <Input data-testid="edit-user-phone" />
      </Form.Item>
      <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
        <Input data-testid="edit-user-email" />
      </Form.Item>
      <Form.Item
        label="所在组织"
        name="organisationId"
        extra="所任职务另在“设置职务”中修改。"
        rules={[{ required: true, message: '请选择所在组织' }]}
      >
        <TreeSelect
          loading={loading}
          treeData={options}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          data-testid="edit-user-organisation"
        />
      </Form.Item>
    </FormModal>
  );
}
