import { WHO_MAY_WITHDRAW } from '@rectify/workflow';
import { ApplicationError } from '../errors/application-error';

/**
 * ITEM_WITHDRAWN (409): the refusal of every command on a withdrawn item (撤销) but restoring it:
 * lifecycle events, evidence uploads and deletions, detail edits.
 */
export function itemWithdrawn(itemId: string): ApplicationError {
  return new ApplicationError(
    'ITEM_WITHDRAWN',
    `该整改事项已撤销，不能再办理、上传或修改。如需继续办理，请上级党组织先恢复（${WHO_MAY_WITHDRAW}可以恢复）。`,
    { itemId },
  );
}
