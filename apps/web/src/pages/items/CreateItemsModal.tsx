import { App, DatePicker, Form, Input, InputNumber, Select, TreeSelect, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { errorMessage } from '../../api/error-message';
import { type CreateItemsDto, type OrganisationNodeResponse } from '../../api/rectify-api';
import { ITEM_SOURCE_LABELS } from '../../api/generated/vocabulary';
import { useAuth } from '../../auth/auth-context';
import { FormModal } from '../../components/FormModal';
import { CREATE_LIMITS, previewProblemLines } from '../../features/items/problem-lines';
import { useCreateItems } from '../../features/items/useItemChanges';
import { activeOrganisations } from '../../features/organisations/organisation-tree-options';
import { useOrganisationTree } from '../../features/organisations/useOrganisationTree';

type CreatableSource = CreateItemsDto['source'];

interface Values {
  organisationId: string;
  source: CreatableSource;
  year: number;
  deadline: Dayjs | null;
  reason: string;
  list: string;
}

/** 自身查摆 comes from the organisation's own report; the others can be raised by hand. */
const SOURCES: CreatableSource[] = ['superior_review', 'inspection_tour', 'public_appraisal', 'other'];
const sourceOptions = SOURCES.map((value) => ({ value, label: ITEM_SOURCE_LABELS[value] }));

/** The current year in Beijing time, the server's default. */
const currentYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrganisationNodeResponse[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

function findNode(nodes: OrganisationNodeResponse[], id: string): OrganisationNodeResponse | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const below = findNode(n.children, id);
    if (below) return below;
  }
  return null;
}

/**
 * The organisations the user may raise problems for: under an administrator's position its
 * organisation and all below; under a supervising position those below it (an organisation's
 * own problems are raised by the level above). The server decides again.
 */
function useCreatableOrganisations(): TreeOption[] {
  const { user } = useAuth();
  const { tree } = useOrganisationTree();
  return useMemo(() => {
    if (!user) return [];
    const roots: OrganisationNodeResponse[] = [];
    for (const p of user.positions) {
      const node = findNode(tree, p.organisationId);
      if (!node) continue;
      if (p.kind === 'admin') roots.push(node);
      else if (p.rights.includes('supervise')) roots.push(...node.children);
    }
    // A subtree already offered through a position above is offered once.
    const inside = (outer: OrganisationNodeResponse, id: string) => findNode(outer.children, id) !== null;
    const unique = roots.filter(
      (r, i) => roots.findIndex((o) => o.id === r.id) === i && !roots.some((o) => inside(o, r.id)),
    );
    // A disabled (已停用) organisation takes no new items: it is not offered.
    return toOptions(activeOrganisations(unique));
  }, [tree, user]);
}

/**
 * 新建整改事项: problems that do not come from a report (上级点评、巡视巡察反馈、群众评议、其他),
 * one per line of the pasted list, all for one organisation with the same source, year and
 * suggested deadline (POST /api/items). Closes when created; the list reloads.
 */
export function CreateItemsModal({ onClose }: { onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const organisations = useCreatableOrganisations();
  const { mutateAsync: create, isPending } = useCreateItems();
  const list = Form.useWatch('list', form) ?? '';
  const preview = previewProblemLines(list);

  const submit = async (values: Values) => {
    try {
      const created = await create({
        organisationId: values.organisationId,
        source: values.source,
        year: values.year,
        deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        list: values.list,
      });
      message.success(`已新建 ${created.items.length} 个整改事项（${created.year}年度）`);
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <FormModal<Values>
      form={form}
      title="新建整改事项"
      okText="新建"
      submitting={isPending}
      onSubmit={submit}
      onCancel={onClose}
      initialValues={{ source: 'superior_review', year: currentYear(), deadline: null, list: '' }}
      testId="create-items-modal"
      width={640}
      maskClosable={false}
      intro={
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          用于上级点评、巡视巡察反馈、群众评议等不来自述职报告的问题。新建的事项为"问题已查摆"，由该组织书记制定整改措施。
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="organisationId"
        label="问题所属组织"
        rules={[{ required: true, message: '请选择问题所属组织' }]}
      >
        <TreeSelect
          treeData={organisations}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder="选择下级党组织"
          notFoundContent="没有可以新建整改事项的下级组织"
          data-testid="field-organisation"
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
          <Select options={sourceOptions} style={{ width: 160 }} data-testid="field-source" />
        </Form.Item>
        <Form.Item name="year" label="所属年度" rules={[{ required: true, message: '请填写所属年度' }]}>
          <InputNumber min={1990} max={2100} precision={0} style={{ width: 120 }} data-testid="field-year" />
        </Form.Item>
        <Form.Item name="deadline" label="建议完成时限（可选）">
          <DatePicker format="YYYY-MM-DD" style={{ width: 170 }} data-testid="field-deadline" />
        </Form.Item>
      </div>
      <Form.Item name="reason" label="问题依据（可选）">
        <Input maxLength={200} placeholder="如：2026年度述职评议会议点评" data-testid="field-reason" />
      </Form.Item>
      <Form.Item
        name="list"
        label="问题清单（每行一个问题）"
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const { count, tooLong } = previewProblemLines(value ?? '');
              if (count === 0) throw new Error('请至少填写一个问题');
              if (count > CREATE_LIMITS.maxItems)
                throw new Error(`一次最多新建${CREATE_LIMITS.maxItems}个，现有${count}个：请分批提交`);
              if (tooLong.length > 0)
                throw new Error(`第${tooLong.join('、')}行超过${CREATE_LIMITS.maxTitleLength}字：请精简`);
            },
          },
        ]}
        extra={
          <span data-testid="create-items-count">
            {preview.count > 0
              ? `将新建 ${preview.count} 个整改事项（空行忽略，行首编号自动去掉）`
              : `空行忽略，行首编号如"1." "（一）" "一、"自动去掉；最多${CREATE_LIMITS.maxItems}行，每行最多${CREATE_LIMITS.maxTitleLength}字`}
          </span>
        }
      >
        <Input.TextArea
          rows={8}
          placeholder={'1. 理论学习不够深入\n2. 组织生活不够规范\n3. 联系服务群众不够紧密'}
          data-testid="field-list"
        />
      </Form.Item>
    </FormModal>
  );
}
