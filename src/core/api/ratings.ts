import type {
  FeedbackRequest,
  Rating,
  RatingChannel,
  RatingList,
  RatingReasonList,
  RatingStats,
  StartVisitRequest,
  SubmitRatingRequest,
  WindowVisit,
} from '@contract/rating';
import { request } from '../http/client';

/** 好差评: rating reasons, window visits, ratings, feedback and the public statistics. */
export const ratingsApi = {
  ratingReasons: (channel: RatingChannel, signal?: AbortSignal) =>
    request<RatingReasonList>({ url: '/ratings/reasons', params: { channel }, signal }),
  ratingStats: (signal?: AbortSignal) => request<RatingStats>({ url: '/ratings/stats', signal }),
  startVisit: (body: StartVisitRequest) => request<WindowVisit>({ url: '/ratings/visits', method: 'POST', data: body }),
  submitRating: (body: SubmitRatingRequest) => request<Rating>({ url: '/ratings', method: 'POST', data: body }),
  myRatings: (signal?: AbortSignal) => request<RatingList>({ url: '/me/ratings', signal }),
  myRating: (id: string, signal?: AbortSignal) =>
    request<Rating>({ url: `/me/ratings/${encodeURIComponent(id)}`, signal }),
  sendFeedback: (id: string, body: FeedbackRequest) =>
    request<Rating>({ url: `/me/ratings/${encodeURIComponent(id)}/feedback`, method: 'POST', data: body }),
};
