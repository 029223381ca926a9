import type { FeedbackLevel, Rating, RatingChannel, RatingLevel } from '../../../types/contract';
import { indicatorsOf } from '../ratings/rating-rules';
import { DEMO_LABEL, DEMO_OFFICER } from './demo-residents';
import type { DemoServices } from './demo-services';

/** A 差评's reasons (codes from the gateway's lists) and what the rater wrote. */
export interface BadRatingText {
  reasons: string[];
  comment: string;
}

function indicators(channel: RatingChannel, level: RatingLevel): Record<string, number> {
  // Indicators close to the overall level, as people score: one a point better where it can be.
  return Object.fromEntries(indicatorsOf(channel).map(({ key }, i) => [key, i === 0 ? Math.min(5, level + 1) : level]));
}

/** 好差评 by a demo resident, through the rating service (daily limits, 7-day window and all). */
export class DemoRater {
  constructor(
    private readonly s: DemoServices,
    private readonly userId: string,
  ) {}

  /** 一事一评 of a finished case. */
  rateCase(caseId: string, level: RatingLevel, comment: string, bad?: BadRatingText): Rating {
    return this.s.ratings.submit(this.userId, {
      target: { kind: 'case', caseId },
      level,
      indicators: indicators('online', level),
      reasonCodes: bad?.reasons,
      comment: `${DEMO_LABEL}${bad?.comment ?? comment}`,
    });
  }

  /** 一次一评: the window's code typed in (as under its QR code), then the rating of that visit. */
  rateWindow(windowCode: string, level: RatingLevel, comment: string, bad?: BadRatingText): Rating {
    const visit = this.s.ratings.startVisit(this.userId, { windowCode });
    this.s.clock.later(20);
    return this.s.ratings.submit(this.userId, {
      target: { kind: 'visit', visitId: visit.id },
      level,
      indicators: indicators('onsite', level),
      reasonCodes: bad?.reasons,
      comment: `${DEMO_LABEL}${bad?.comment ?? comment}`,
    });
  }

  /** The officer's next step on the rating's 整改 ticket (核实 → 整改 → 回访). */
  advanceTicket(rating: Rating, to: 'rectifying' | 'revisiting', note: string): void {
    if (!rating.ticket) throw new Error(`demo rating ${rating.id} has no rectification ticket`);
    this.s.ratings.advance(rating.ticket.id, { to, note: `${DEMO_LABEL}${note}` }, DEMO_OFFICER);
  }

  /** The rater's verdict on the rectification, which closes the ticket. */
  feedback(rating: Rating, level: FeedbackLevel, comment: string): void {
    this.s.ratings.feedback(this.userId, rating.id, { level, comment: `${DEMO_LABEL}${comment}` });
  }
}
