import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, TreeSelect } from 'antd';
import {
  POSITION_KIND_LABELS,
  POSITION_KINDS,
  POSITION_RIGHT_LABELS,
  POSITION_RIGHTS,
  type PositionKind,
  type PositionRight,
} from '../../api/generated/vocabulary';
import { type PositionGrantDto, type UserEntryResponse } from '../../api/rectify-api';
import { type OrganisationOption } from './organisation-options';

/** One row of the positions list as the form holds it. */
export interface PositionValue {
  kind: PositionKind;
  organisationId: string;
  /** Empty: the kind's default rights (书记 整改责任+督办; 副书记、组织委员 督办; others none). */
  rights?: PositionRight[];
}

const KIND_OPTIONS = POSITION_KINDS.map((value) => ({ value, label: POSITION_KIND_LABELS[value] }));
const RIGHT_OPTIONS = POSITION_RIGHTS.map((value) => ({ value, label: POSITION_RIGHT_LABELS[value] }));

/** The form rows of a person's current positions. */
export const positionValuesOf = (user: UserEntryResponse): PositionValue[] =>
  user.positions.map((p) => ({ kind: p.kind, organisationId: p.organisationId, rights: p.rights }));

/** The request's grants of the form rows: empty rights are left to the kind's defaults. */
export const positionGrantsOf = (rows: PositionValue[]): PositionGrantDto[] =>
  rows.map((r) => ({
    kind: r.kind,
    organisationId: r.organisationId,
    ...(r.rights && r.rights.length > 0 ? { rights: r.rights } : {}),
  }));

/**
 * 职务: a list of (organisation, kind, rights) rows inside a Form, under the field `positions`;
 * at least one. The organisation picker offers the tree the administrator sees; the server
 * refuses one outside their subtree with a Chinese message.
 */
export function PositionFields({ options, loading }: { options: OrganisationOption[]; loading: boolean }) {
  return (
    <Form.List
      name="positions"
      rules={[
        {
          validator: async (_, rows?: PositionValue[]) => {
            if (!rows || rows.length === 0) throw new Error('请至少设置一个职务');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="position-fields">
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item
                name={[field.name, 'organisationId']}
                rules={[{ required: true, message: '请选择任职组织' }]}
              >
                <TreeSelect
                  loading={loading}
                  treeData={options}
                  treeDefaultExpandAll
                  showSearch={{ treeNodeFilterProp: 'title' }}
                  placeholder="任职组织"
                  style={{ width: 200 }}
                  data-testid={`position-organisation-${field.name}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '请选择职务' }]}>
                <Select
                  options={KIND_OPTIONS}
                  placeholder="职务"
                  style={{ width: 120 }}
                  data-testid={`position-kind-${field.name}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'rights']}>
                <Select
                  mode="multiple"
                  options={RIGHT_OPTIONS}
                  placeholder="职权：按职务默认"
                  style={{ width: 190 }}
                  data-testid={`position-rights-${field.name}`}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label="删除此职务"
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="position-add">
            添加职务
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
