import { useQuery } from '@tanstack/react-query';
import { getMailboxMessage, listMailboxMessages } from '../../api/rectify-api';

/** The latest 100 messages, newest first (GET /api/dev/mailbox; 404 in production). */
export const useMailbox = (enabled: boolean) =>
  useQuery({ queryKey: ['mailbox'], queryFn: () => listMailboxMessages({ limit: 100 }), enabled });

/** One message in full (GET /api/dev/mailbox/:id), loaded when an id is given. */
export const useMailMessage = (id: string | null) =>
  useQuery({
    queryKey: ['mailbox', id],
    queryFn: () => getMailboxMessage({ id: id! }),
    enabled: id !== null,
  });
