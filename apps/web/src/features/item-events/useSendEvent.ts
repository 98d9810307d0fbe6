import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/error-message';
import { type RectificationEventType, type RectificationStatus } from '../../api/generated/vocabulary';
import { eventsOf } from '../items/allowed-actions';
import { type BulkTransitionResponse } from '../../api/rectify-api';
import { type LoadedItem } from '../items/item-api';
import { useAuth } from '../../auth/auth-context';
import { drafts } from '../drafts/drafts';
import { useReportItemError } from '../items/useReportItemError';
import { useBulkTransition, useTransition } from '../items/useItemChanges';
import { eventDone } from './event-labels';

/** After sending: whether the event's dialog should close, and the item reloaded after a conflict. */
export interface SendOutcome {
  close: boolean;
  fresh: LoadedItem | null;
}

/**
 * Sending a transition event (流转), the same from the item page, the list's row actions and
 * the bulk actions. `send` says what the event did (已提交销号申请 …) on success; on failure it shows the API's message and,
 * after a conflict, reloads the item: the dialog stays open only while the event is still
 * allowed (or the failure was not a conflict, so the user may correct and retry).
 */
export function useSendEvent() {
  const { message } = App.useApp();
  const { mutateAsync: transition } = useTransition();
  const { mutateAsync: bulk, isPending: sendingToMany } = useBulkTransition();
  const reportError = useReportItemError();
  const { user } = useAuth();
  const [sending, setSending] = useState(false);

  const send = useCallback(
    async (
      item: { id: string; version: number; status: RectificationStatus },
      event: RectificationEventType,
      payload: Record<string, unknown>,
    ): Promise<SendOutcome> => {
      setSending(true);
      try {
        await transition({ itemId: item.id, event, payload, expectedVersion: item.version });
        // Sent: the text typed for it is no longer a draft.
        if (user) drafts.clear({ userId: user.id, itemId: item.id, form: event });
        message.success(eventDone(event, item.status));
        return { close: true, fresh: null };
      } catch (err) {
        const { conflict, fresh } = await reportError(item.id, err);
        const stillAllowed = fresh !== null && eventsOf(fresh.allowedActions).includes(event);
        return { close: conflict && !stillAllowed, fresh };
      } finally {
        setSending(false);
      }
    },
    [transition, message, reportError, user],
  );

  /** One event for many items (no version check); null after a failure, whose message is shown. */
  const sendToMany = useCallback(
    async (
      itemIds: string[],
      event: RectificationEventType,
      payload: Record<string, unknown>,
    ): Promise<BulkTransitionResponse | null> => {
      try {
        return await bulk({ itemIds, event, payload });
      } catch (err) {
        message.error(errorMessage(err));
        return null;
      }
    },
    [bulk, message],
  );

  return { send, sending, sendToMany, sendingToMany };
}
