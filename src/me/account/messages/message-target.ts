import type { NotificationItem } from '@contract/notification';
import { routes } from '@/ui/routes';

/** The page a message opens: the case, rating, commitment, booking or queue number it is about. */
export function messageTarget(message: Pick<NotificationItem, 'kind' | 'subject'>): string {
  const { kind, id } = message.subject;
  switch (kind) {
    case 'case':
      return routes.caseDetail(id);
    case 'rating':
      return routes.rating(id);
    case 'commitment':
      return routes.commitmentReceipt(id);
    case 'appointment':
      // A near number is about the ticket; a reminder about the booking.
      return message.kind === 'queue_near' ? routes.hallTicket(id) : routes.myBookings(id);
  }
}
