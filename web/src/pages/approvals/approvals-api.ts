import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DecisionBody,
  declarationReview,
  inboxItem,
  RecordDiff,
} from '../../../../common/schemas/declarations.ts';
import { api } from '../../api/client.ts';
import type { Declaration } from '../declarations/declarations-api.ts';

export type InboxItem = z.infer<typeof inboxItem>;
export type DeclarationReview = z.infer<typeof declarationReview>;
export type { RecordDiff };

export function useInbox() {
  return useQuery({
    queryKey: ['declaration-inbox'],
    queryFn: ({ signal }) => api.get<InboxItem[]>('/api/declarations/inbox', undefined, signal),
    staleTime: 0,
  });
}

export function useReview(declarationId: number) {
  return useQuery({
    enabled: Number.isInteger(declarationId) && declarationId > 0,
    queryKey: ['declaration-review', declarationId],
    queryFn: ({ signal }) =>
      api.get<DeclarationReview>(`/api/declarations/${declarationId}/review`, undefined, signal),
    staleTime: 0,
  });
}

export function decide(declarationId: number, body: DecisionBody): Promise<Declaration> {
  return api.post<Declaration>(`/api/declarations/${declarationId}/decision`, body);
}
