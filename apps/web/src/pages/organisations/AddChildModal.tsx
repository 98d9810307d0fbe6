import { App, Form, Input, Select } from 'antd';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { type OrganisationKind } from '../../api/generated/vocabulary';
import { FormModal } from '../../components/FormModal';
import { useOrganisationAdmin } from '../../features/organisations/useOrganisationAdmin';
import { KIND_OPTIONS } from './kind-options';
import { ModalError } from './ModalError';

interface Values {
  name: string;
  /** Absent: the server judges it from the name (…党支部, …党总支, else 党委). */
  kind?: OrganisationKind;
}

/** 新增下级组织: a name (unique in the whole tree) and a kind, below `parent`. */
export function AddChildModal({ parent, onClose }: { parent: OrganisationNode; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { add } = useOrganisationAdmin();
  const submit = (values: Values) =>
    add.mutate(
      { name: values.name.trim(), kind: values.kind, parentId: parent.id },
      {
        onSuccess: (org) => {
          message.success(`已在"${parent.name}"下新增"${org.name}"。`);
          onClose();
        },
      },
    );
  return (
    <FormModal<Values>
      form={form}
      title={`新增下级组织：${parent.name}`}
      okText="新增"
      submitting={add.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="org-add-modal"
      intro={<ModalError error={add.error} />}
    >
      <Form.Item
        label="组织名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { max: 100 }]}
      >
        <Input placeholder="例如：青石村党支部" data-testid="org-name" />
      </Form.Item>
      <Form.Item
        label="组织类别"
        name="kind"
        extra="不选时按名称判断：以“党支部”“党总支”结尾的按其类别，其余为党委。"
      >
        <Select options={KIND_OPTIONS} allowClear placeholder="按名称判断" data-testid="org-kind" />
      </Form.Item>
    </FormModal>
  );
}
