import { useEffect, useState } from 'react';
import { session, type SessionState } from '@/core/session';

/** The current session, re-rendering when the user signs in or out. */
export function useSession(): SessionState {
  const [state, setState] = useState(session.get);
  useEffect(() => session.subscribe(setState), []);
  return state;
}
