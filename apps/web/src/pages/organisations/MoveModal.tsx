import { App, Form, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { type OrganisationNodeResponse as OrganisationNode } from '../../api/rectify-api';
import { FormModal } from '../../components/FormModal';
import { moveTargetOptions } from '../../features/organisations/organisation-tree-options';
import { useOrganisationAdmin } from '../../features/organisations/useOrganisationAdmin';
import { ModalError } from './ModalError';

interface Values {
  parentId: string;
}

/**
 * 移动: choose the new parent from the tree without the organisation's own subtree (the server
 * refuses a cycle all the same, e.g. when the tree changed meanwhile).
 */
export function MoveModal({
  organisation,
  parentId,
  tree,
  onClose,
}: {
  organisation: OrganisationNode;
  parentId: string;
  tree: OrganisationNode[];
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { move } = useOrganisationAdmin();
  const options = useMemo(() => moveTargetOptions(tree, organisation.id), [tree, organisation.id]);
  const submit = (values: Values) =>
    move.mutate(
      { id: organisation.id, parentId: values.parentId },
      {
        onSuccess: () => {
          message.success(`已移动"${organisation.name}"（连同其下级组织）。`);
          onClose();
        },
      },
    );
  return (
    <FormModal<Values>
      form={form}
      title={`移动：${organisation.name}`}
      okText="移动"
      submitting={move.isPending}
      onSubmit={submit}
      onCancel={onClose}
      testId="org-move-modal"
      initialValues={{ parentId }}
      intro={
        <>
          <ModalError error={move.error} />
          <Typography.Paragraph type="secondary">
            下级组织、人员和整改事项随之移动；不能移到它自己或其下级组织之下。
          </Typography.Paragraph>
        </>
      }
    >
      <Form.Item
        label="新的上级组织"
        name="parentId"
        rules={[{ required: true, message: '请选择新的上级组织' }]}
      >
        <TreeSelect
          treeData={options}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder="选择上级组织"
          data-testid="org-move-parent"
        />
      </Form.Item>
    </FormModal>
  );
}
