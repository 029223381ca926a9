import type { LoginResult, TokenPair, User } from '@contract/auth';
import { readStored, removeStored, writeStored } from './storage';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms; refreshed a little before this so a request rarely meets an expired token. */
  accessExpiresAt: number;
}

export interface SessionState {
  tokens?: StoredTokens;
  user?: User;
}

const TOKENS_KEY = 'session.tokens';
const USER_KEY = 'session.user';

const isTokens = (v: unknown): v is StoredTokens =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as StoredTokens).accessToken === 'string' &&
  typeof (v as StoredTokens).refreshToken === 'string' &&
  typeof (v as StoredTokens).accessExpiresAt === 'number';

const isUser = (v: unknown): v is User =>
  typeof v === 'object' && v !== null && typeof (v as User).id === 'string' && typeof (v as User).realName === 'object';

type Listener = (state: SessionState) => void;

let state: SessionState = { tokens: readStored(TOKENS_KEY, isTokens), user: readStored(USER_KEY, isUser) };
const listeners = new Set<Listener>();

function publish(next: SessionState) {
  state = next;
  if (next.tokens) writeStored(TOKENS_KEY, next.tokens);
  else removeStored(TOKENS_KEY);
  if (next.user) writeStored(USER_KEY, next.user);
  else removeStored(USER_KEY);
  for (const listener of listeners) listener(state);
}

function toStored(pair: TokenPair, now = Date.now()): StoredTokens {
  return {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    accessExpiresAt: now + pair.accessExpiresIn * 1000,
  };
}

/** The signed-in user and their tokens, kept in memory and in local storage. */
export const session = {
  get: (): SessionState => state,
  isLoggedIn: (): boolean => Boolean(state.tokens),
  signIn(result: LoginResult) {
    publish({ tokens: toStored(result.tokens), user: result.user });
  },
  replaceTokens(pair: TokenPair) {
    publish({ ...state, tokens: toStored(pair) });
  },
  setUser(user: User) {
    publish({ ...state, user });
  },
  clear() {
    publish({});
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
