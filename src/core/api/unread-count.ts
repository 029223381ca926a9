import type { UnreadCount } from '@contract/notification';
import { request } from '../http/client';

/**
 * The 消息 count on 我的, apart from the rest of notificationsApi: 我的 is a tab, in the main
 * package every cold start downloads, and needs only this.
 */
export const unreadNotificationCount = (signal?: AbortSignal) =>
  request<UnreadCount>({ url: '/me/notifications/unread-count', signal });
