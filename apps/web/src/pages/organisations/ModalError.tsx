import { Alert } from 'antd';
import { errorMessage } from '../../api/error-message';

/** The refusal of the last attempt, shown in the dialog itself (the dialog stays open to retry). */
export function ModalError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      style={{ marginBottom: 16 }}
      data-testid="org-modal-error"
    />
  );
}
