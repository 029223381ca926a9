import type { FavouriteList, FavouriteState } from '@contract/me';
import { request } from '../http/client';

/** The user's favourite items. Apart from the account calls: the guide (a first page) needs only these. */
export const favouritesApi = {
  list: (signal?: AbortSignal) => request<FavouriteList>({ url: '/me/favourites', signal }),
  state: (code: string, signal?: AbortSignal) =>
    request<FavouriteState>({ url: `/me/favourites/${encodeURIComponent(code)}`, signal }),
  set: (code: string, favourite: boolean) =>
    request<FavouriteState>({
      url: `/me/favourites/${encodeURIComponent(code)}`,
      method: favourite ? 'PUT' : 'DELETE',
    }),
};
