import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  Account,
  AccountsPage,
  AccountWithPassword,
  CreateAccountBody,
  GrantBody,
  UpdateAccountBody,
} from '../../../../common/schemas/accounts.ts';
import { api } from '../../api/client.ts';

export type { Account, AccountsPage, AccountWithPassword, CreateAccountBody, GrantBody, UpdateAccountBody };

export interface AccountListParams {
  q: string;
  unitId: number | undefined;
  /** 'true' keeps the accounts that still have the default password, 'false' the others. */
  defaultPassword: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

export function useAccounts(params: AccountListParams) {
  return useQuery({
    queryKey: ['accounts', params],
    queryFn: ({ signal }) =>
      api.get<AccountsPage>(
        '/api/accounts',
        {
          q: params.q,
          unitId: params.unitId,
          defaultPassword: params.defaultPassword,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

/** Enabled accounts in scope that still have the default password. */
export function useDefaultPasswordAccounts(params: Omit<AccountListParams, 'defaultPassword'>) {
  return useQuery({
    queryKey: ['accounts', 'default-passwords', params],
    queryFn: ({ signal }) =>
      api.get<AccountsPage>(
        '/api/accounts/default-passwords',
        { q: params.q, unitId: params.unitId, page: params.page, pageSize: params.pageSize },
        signal,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useAccount(accountId: number) {
  return useQuery({
    enabled: Number.isInteger(accountId) && accountId > 0,
    queryKey: ['account', accountId],
    queryFn: ({ signal }) => api.get<Account>(`/api/accounts/${accountId}`, undefined, signal),
  });
}

export const accountActions = {
  create: (body: CreateAccountBody) => api.post<AccountWithPassword>('/api/accounts', body),
  update: (accountId: number, body: UpdateAccountBody) =>
    api.patch<Account>(`/api/accounts/${accountId}`, body),
  disable: (accountId: number) => api.post<Account>(`/api/accounts/${accountId}/disable`),
  enable: (accountId: number) => api.post<Account>(`/api/accounts/${accountId}/enable`),
  resetPassword: (accountId: number) =>
    api.post<AccountWithPassword>(`/api/accounts/${accountId}/reset-password`),
  resetTotp: (accountId: number) => api.post<Account>(`/api/accounts/${accountId}/reset-totp`),
  grant: (accountId: number, body: GrantBody) => api.post<Account>(`/api/accounts/${accountId}/grants`, body),
  revoke: (accountId: number, grantId: number) =>
    api.delete<Account>(`/api/accounts/${accountId}/grants/${grantId}`),
};

/**
 * Returns a function that stores a changed account in the cache and marks the lists stale, so
 * the detail shows the server's answer at once and the lists reload when next shown.
 */
export function useAccountChanged(): (account: Account) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (account: Account) => {
      client.setQueryData(['account', account.id], account);
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
    [client],
  );
}
