import { randomUUID } from 'node:crypto';
import type { TokenPair } from '../../../types/contract';
import { ApiError } from '../http/api-error';
import type { TokenStore } from '../store/token-store';
import { newToken, tokenHash } from './secrets';
import { openSuccessor, sealSuccessor } from './successor-seal';

/**
 * Seconds after a rotation during which the old refresh token still answers, with the same new
 * pair: parallel refreshes (two requests that both saw an expired access token) are not a leak.
 */
export const REFRESH_GRACE_SECONDS = 30;

export interface TokenDeps {
  store: TokenStore;
  now: () => Date;
  /** Seconds. */
  accessTtl: number;
  /** Seconds. */
  refreshTtl: number;
  onReuse: (familyId: string) => void;
}

const SESSION_ENDED = '登录已失效，请重新登录';

/**
 * Opaque access tokens (short) and refresh tokens (long) with rotation: each refresh token works
 * once, plus repeats within REFRESH_GRACE_SECONDS that get the same pair again; presenting one later
 * means it leaked (or a client misbehaved), and the whole login is revoked.
 */
export class TokenService {
  constructor(private readonly deps: TokenDeps) {}

  private issueInFamily(familyId: string, userId: string, now: number): TokenPair {
    const accessToken = newToken('at');
    const refreshToken = newToken('rt');
    const { accessTtl, refreshTtl, store } = this.deps;
    store.addAccess(tokenHash(accessToken), familyId, userId, now + accessTtl * 1000);
    store.addRefresh(tokenHash(refreshToken), familyId, userId, now, now + refreshTtl * 1000);
    store.purge(now - refreshTtl * 1000, now);
    return { accessToken, accessExpiresIn: accessTtl, refreshToken, refreshExpiresIn: refreshTtl };
  }

  /** A new login. */
  issue(userId: string): TokenPair {
    const now = this.deps.now().getTime();
    const familyId = randomUUID();
    this.deps.store.createFamily(familyId, userId, now);
    return this.issueInFamily(familyId, userId, now);
  }

  /** The user id behind a bearer token; TOKEN_EXPIRED tells the app to refresh. */
  authenticate(accessToken: string | undefined): string {
    if (!accessToken) throw new ApiError('UNAUTHENTICATED', '请先登录');
    const record = this.deps.store.access(tokenHash(accessToken));
    if (!record) throw new ApiError('UNAUTHENTICATED', SESSION_ENDED);
    if (this.deps.now().getTime() >= record.expires_at) throw new ApiError('TOKEN_EXPIRED', '登录已过期，正在刷新');
    return record.user_id;
  }

  refresh(refreshToken: string): TokenPair {
    const now = this.deps.now().getTime();
    const hash = tokenHash(refreshToken);
    const record = this.deps.store.refresh(hash);
    if (!record || record.revoked_at !== null) throw new ApiError('UNAUTHENTICATED', SESSION_ENDED);
    if (record.rotated_at !== null) {
      const repeat = this.withinGrace(refreshToken, record.rotated_at, record.successor_sealed, now);
      if (repeat) return repeat;
      this.deps.store.revokeFamily(record.family_id, now);
      this.deps.onReuse(record.family_id);
      throw new ApiError('UNAUTHENTICATED', SESSION_ENDED);
    }
    // An expired refresh token cannot be refreshed: UNAUTHENTICATED (log in), not TOKEN_EXPIRED (retry).
    if (now >= record.expires_at) throw new ApiError('UNAUTHENTICATED', '登录已过期，请重新登录');
    const pair = this.issueInFamily(record.family_id, record.user_id, now);
    this.deps.store.markRotated(hash, now, sealSuccessor(refreshToken, pair));
    return pair;
  }

  /** The pair a rotation gave, again, while the grace window lasts (lifetimes counted from then). */
  private withinGrace(
    refreshToken: string,
    rotatedAt: number,
    sealed: string | null,
    now: number,
  ): TokenPair | undefined {
    if (sealed === null || now - rotatedAt >= REFRESH_GRACE_SECONDS * 1000) return undefined;
    const successor = openSuccessor(refreshToken, sealed);
    if (!successor) return undefined;
    const elapsed = Math.floor((now - rotatedAt) / 1000);
    return {
      accessToken: successor.accessToken,
      accessExpiresIn: Math.max(1, this.deps.accessTtl - elapsed),
      refreshToken: successor.refreshToken,
      refreshExpiresIn: Math.max(1, this.deps.refreshTtl - elapsed),
    };
  }

  /** Ends the login the refresh token belongs to; unknown tokens are fine (logging out twice is not an error). */
  logout(refreshToken: string): void {
    const record = this.deps.store.refresh(tokenHash(refreshToken));
    if (record) this.deps.store.revokeFamily(record.family_id, this.deps.now().getTime());
  }
}
