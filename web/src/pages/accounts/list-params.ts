import { useSearchParams } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { positiveIntParam } from '../../format/search-params.ts';

const DEFAULT_PAGE_SIZE = 50;

/**
 * Reads and sets the filter and page of an account list, kept in the URL (?q=&unitId=&defaultPassword=&page=
 * &pageSize=) so that a list can be reloaded, shared and returned to. A change of filter goes
 * back to page 1.
 */
export function useAccountListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const unitParam = Number(searchParams.get('unitId'));
  const defaultPasswordParam = searchParams.get('defaultPassword');

  const params = {
    q: (searchParams.get('q') ?? '').slice(0, 100),
    unitId: Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined,
    defaultPassword:
      defaultPasswordParam === 'true' || defaultPasswordParam === 'false' ? defaultPasswordParam : undefined,
    page: positiveIntParam(searchParams.get('page'), 1),
    pageSize: positiveIntParam(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE, limits.pageSizeMax),
  } as const;

  function update(changes: Record<string, string | undefined>) {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  }

  function changePage(page: number, pageSize: number) {
    update({ page: String(pageSize === params.pageSize ? page : 1), pageSize: String(pageSize) });
  }

  return { params, update, changePage };
}
