import { App, Form, Input, Select } from 'antd';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { type OrganisationKind } from '../../api/generated/vocabulary';
import { FormModal } from '../../components/FormModal';
import { useOrganisationAdmin } from '../../features/organisations/useOrganisationAdmin';
import { KIND_OPTIONS } from './kind-options';
import { ModalError } from './ModalError';

interface Values {
  name: string;
  kind: OrganisationKind;
}

/** 重命名 (and change the kind of) an organisation; the name must stay unique in the tree. */
export function RenameModal({ organisation, onClose }: { organisation: OrganisationNode; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { edit } = useOrganisationAdmin();
  const submit = (values: Values) => {
    const name = values.name.trim();
    const changes = {
      name: name === organisation.name ? undefined : name,
      kind: values.kind === organisation.kind ? undefined : values.kind,
    };
    if (!changes.name && !changes.kind) return onClose();
    edit.mutate(
      { id: organisation.id, changes },
      {
        onSuccess: (org) => {
          message.success(`已保存：${org.name}。`);
          onClose();
        },
      },
    );
  };
  return (
    <FormModal<Values>
      form={form}
      title={`重命名：${organisation.name}`}
      okText="保存"
      submitting={edit.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="org-rename-modal"
      initialValues={{ name: organisation.name, kind: organisation.kind as OrganisationKind }}
      intro={<ModalError error={edit.error} />}
    >
      <Form.Item
        label="组织名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { max: 100 }]}
      >
        <Input data-testid="org-name" />
      </Form.Item>
      <Form.Item label="组织类别" name="kind" rules={[{ required: true }]}>
        <Select options={KIND_OPTIONS} data-testid="org-kind" />
      </Form.Item>
    </FormModal>
  );
}
