import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode } from 'react';

interface Props<T> {
  /** The form the fields belong to (Form.useForm()); its values are validated before onSubmit. */
  form: FormInstance<T>;
  title: ReactNode;
  okText: string;
  /** True while the request runs: the OK button spins. */
  submitting: boolean;
  /** Called with the validated values; the form shows what is missing otherwise. */
  onSubmit(values: T): unknown;
  onCancel(): void;
  initialValues?: Partial<T>;
  /** data-testid of the modal; the OK button is always `modal-submit`, cancel `modal-cancel`. */
  testId: string;
  formTestId?: string;
  width?: number;
  /** Whether a click beside the dialog closes it (default true); long forms say false. */
  maskClosable?: boolean;
  /** Shown above the form. */
  intro?: ReactNode;
  /** Every change, with all the form's values (to keep a draft). */
  onValuesChange?(values: T): void;
  children: ReactNode;
}

/**
 * The dialog every change to an item is made in: a vertical form, 取消 and a submit button that
 * validates the fields first and spins while the request runs. Mounted when opened.
 */
export function FormModal<T>({
  form,
  title,
  okText,
  submitting,
  onSubmit,
  onCancel,
  initialValues,
  testId,
  formTestId,
  width,
  maskClosable = true,
  intro,
  onValuesChange,
  children,
}: Props<T>) {
  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    await onSubmit(values);
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onCancel}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'modal-submit' }}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' }}
      width={width}
      mask={maskClosable ? undefined : { closable: false }}
      data-testid={testId}
    >
      {intro}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange && ((_changed, all: T) => onValuesChange(all))}
        data-testid={formTestId}
      >
        {children}
      </Form>
    </Modal>
  );
}
