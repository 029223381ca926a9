import type { QueryClient } from '@tanstack/react-query';
import { isPersonalQueryRoot } from './query-keys';
import { session } from './session';

/**
 * When a session ends by itself (refresh refused, token revoked), the person's cached cases,
 * favourites and ratings go with it: the next person to sign in on this phone must never be shown
 * them, not even for the five minutes a cached answer counts as fresh. Public catalogue answers
 * stay. Returns the unsubscribe.
 */
export function forgetPersonalDataOnSignOut(queryClient: QueryClient): () => void {
  let signedIn = session.isLoggedIn();
  return session.subscribe((next) => {
    const now = Boolean(next.tokens);
    if (signedIn && !now) {
      queryClient.removeQueries({ predicate: (query) => isPersonalQueryRoot(String(query.queryKey[0])) });
    }
    signedIn = now;
  });
}
