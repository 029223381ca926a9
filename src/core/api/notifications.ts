import type {
  MarkAllRead,
  NotificationConsentList,
  NotificationItem,
  NotificationList,
  RecordConsentsRequest,
} from '@contract/notification';
import { request } from '../http/client';

/** 消息: what the gateway told the person, and their answers to the platforms' consent prompts. */
export const notificationsApi = {
  list: (cursor?: string, signal?: AbortSignal) =>
    request<NotificationList>({ url: '/me/notifications', params: cursor ? { cursor } : undefined, signal }),
  markRead: (id: string) =>
    request<NotificationItem>({ url: `/me/notifications/${encodeURIComponent(id)}/read`, method: 'POST' }),
  markAllRead: () => request<MarkAllRead>({ url: '/me/notifications/read-all', method: 'POST' }),
  consents: (signal?: AbortSignal) => request<NotificationConsentList>({ url: '/me/notification-consents', signal }),
  recordConsents: (body: RecordConsentsRequest) =>
    request<NotificationConsentList>({ url: '/me/notification-consents', method: 'POST', data: body }),
};
