import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchEvidenceFile } from './item-api';
import { itemKeys } from './item-keys';

/**
 * An evidence picture as a `blob:` URL for an <img> (which cannot send the bearer token): fetched
 * once through the authorised download endpoint, the URL released when the component goes.
 * `url` is null while loading or after `failed`.
 */
export function useEvidenceImage(
  itemId: string,
  evidenceId: string,
): { url: string | null; failed: boolean } {
  const query = useQuery({
    queryKey: itemKeys.evidenceFile(itemId, evidenceId),
    queryFn: () => fetchEvidenceFile(itemId, evidenceId),
    // A stored evidence file never changes; a deleted one leaves the list.
    staleTime: Infinity,
    retry: false,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!query.data) return;
    const made = URL.createObjectURL(query.data);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [query.data]);
  return { url, failed: query.isError };
}
