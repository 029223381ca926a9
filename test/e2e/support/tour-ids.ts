import type {
  BookingList,
  CaseList,
  CaseStatus,
  CommitmentList,
  NoticeList,
  RatingList,
  ThemeItemSummary,
} from '../../../types/contract';
import { E2E_ADMIN_TOKEN, type RunningGateway } from './running-gateway';

/** Real ids from the running gateway for the pages that open with one. */
export interface TourIds {
  /** A guide that has a 告知承诺 notice, and that notice's material. */
  guideCode: string;
  noticeMaterialId: string;
  themeCode: string;
  /** The window QR link's path and query (`/rating/window/index?w=…&s=…`). */
  windowQrPath: string;
  /** The logged-in resident's cases, one per status they have. */
  cases: Partial<Record<CaseStatus, string>>;
  /** A finished case still open for rating (评价办件). */
  ratableCaseId?: string;
  /** A rating with a 整改 ticket, else any rating. */
  ratingId?: string;
  commitmentId?: string;
  /** An item that needs a visit (预约办事). */
  bookingItemCode: string;
  /** The resident's upcoming booking and today's number (demo history). */
  bookingId?: string;
  hallTicketId?: string;
}

/** 残疾人证办理: 到现场 1 次, bookable at the district centre (gateway/src/demo/history-visits.ts). */
export const TOUR_BOOKING_ITEM = 'HS-CL-0001';

/** The guide the tour opens (居住证申领: online, postable, with a 告知承诺 notice). */
export const TOUR_GUIDE = 'HS-GA-0009';
const TOUR_WINDOW = 'HS-ZW-A01';

async function get<T>(gateway: RunningGateway, url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${gateway.baseUrl}/api${url}`, { headers });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`GET ${url}: ${response.status} ${envelope.error?.message}`);
  return envelope.data;
}

/** Public ids (guide, notice, theme, window QR): enough for a logged-out tour. */
export async function publicTourIds(gateway: RunningGateway): Promise<TourIds> {
  const { notices } = await get<NoticeList>(gateway, `/items/${TOUR_GUIDE}/notices`);
  const { themes } = await get<{ themes: ThemeItemSummary[] }>(gateway, '/themes');
  const qr = await get<{ qrContent: string }>(gateway, `/admin/windows/${TOUR_WINDOW}/qr`, {
    'x-admin-token': E2E_ADMIN_TOKEN,
  });
  const link = new URL(qr.qrContent);
  return {
    guideCode: TOUR_GUIDE,
    noticeMaterialId: notices[0]?.materialId ?? '',
    themeCode: themes[0]?.code ?? '',
    windowQrPath: `${link.pathname}${link.search}`,
    cases: {},
    bookingItemCode: TOUR_BOOKING_ITEM,
  };
}

/** The public ids plus the resident's own: a case per status, a rating, a commitment. */
export async function residentTourIds(gateway: RunningGateway, accessToken: string): Promise<TourIds> {
  const auth = { authorization: `Bearer ${accessToken}` };
  const ids = await publicTourIds(gateway);
  const { cases } = await get<CaseList>(gateway, '/me/cases', auth);
  for (const c of cases) ids.cases[c.status] ??= c.id;
  ids.ratableCaseId = cases.find((c) => c.ratingState === 'open')?.id;
  const { ratings } = await get<RatingList>(gateway, '/me/ratings', auth);
  ids.ratingId = (ratings.find((r) => r.ticket) ?? ratings[0])?.id;
  const { commitments } = await get<CommitmentList>(gateway, '/me/commitments', auth);
  ids.commitmentId = commitments[0]?.record.id;
  const { bookings } = await get<BookingList>(gateway, '/me/bookings', auth);
  ids.bookingId = (bookings.find((b) => b.status === 'booked') ?? bookings[0])?.id;
  const { tickets } = await get<{ tickets: { id: string }[] }>(gateway, '/me/hall-tickets', auth);
  ids.hallTicketId = tickets[0]?.id;
  return ids;
}
