import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Typography } from 'antd';
import { useOrganisationPeople } from '../organisations/useOrganisationPeople';
import { DATE } from './event-form';
import { required } from './required';
import { ResponsibleInput } from './ResponsibleInput';

/**
 * The measures of 制定整改措施: up to 50 rows of content, person responsible and deadline. The
 * 责任人 is picked from `organisationId`'s people (its id kept in the row's hidden
 * responsibleUserId) or typed as a name.
 */
export function MeasuresEditor({ organisationId }: { organisationId?: string }) {
  const form = Form.useFormInstance();
  const { people, loading } = useOrganisationPeople(organisationId);
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <div data-testid="measures-editor">
          {fields.map((field, index) => (
            <div
              key={field.key}
              data-testid="measure-row"
              style={{
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                padding: '8px 12px 0',
                marginBottom: 8,
                background: '#fafafa',
              }}
            >
              <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 4 }}>
                <Typography.Text strong>措施{index + 1}</Typography.Text>
                {fields.length > 1 && (
                  <Button
                    type="link"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    data-testid="measure-remove"
                  >
                    删除
                  </Button>
                )}
              </div>
              <Form.Item
                name={[field.name, 'title']}
                label="措施内容"
                rules={required('请填写措施内容')}
                style={{ marginBottom: 8 }}
              >
                <Input.TextArea rows={2} maxLength={500} data-testid="measure-title" />
              </Form.Item>
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <Form.Item
                  name={[field.name, 'responsible']}
                  label="责任人"
                  rules={required('请填写责任人')}
                  style={{ flex: '1 1 160px', marginBottom: 8 }}
                >
                  <ResponsibleInput
                    people={people}
                    loading={loading}
                    onPick={(userId) =>
                      form.setFieldValue(['measures', field.name, 'responsibleUserId'], userId)
                    }
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'responsibleUserId']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'deadline']}
                  label="完成时限"
                  rules={[{ required: true, message: '请选择完成时限' }]}
                  style={{ flex: '1 1 160px', marginBottom: 8 }}
                >
                  <DatePicker style={{ width: '100%' }} format={DATE} data-testid="measure-deadline" />
                </Form.Item>
              </div>
            </div>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ title: '', responsible: '', responsibleUserId: null, deadline: null })}
            data-testid="measure-add"
            disabled={fields.length >= 50}
          >
            增加一条措施
          </Button>
        </div>
      )}
    </Form.List>
  );
}
