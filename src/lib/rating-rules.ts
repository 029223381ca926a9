import type {
  BAD_RATING_COMMENT_MIN as ContractCommentMin,
  FeedbackLevel,
  RATING_COMMENT_MAX as ContractCommentMax,
  RatingChannel,
  RatingLevel,
  TicketStatus,
} from '../../types/contract';

/** Typed against the contract's constants (a change there fails the type check), with no runtime import. */
export const RATING_COMMENT_MAX: typeof ContractCommentMax = 500;
export const BAD_RATING_COMMENT_MIN: typeof ContractCommentMin = 5;

/** 五级评价 names (GB/T 39734-2020), highest first as the form shows them. */
export const RATING_LEVELS: ReadonlyArray<{ level: RatingLevel; name: string }> = [
  { level: 5, name: '非常满意' },
  { level: 4, name: '满意' },
  { level: 3, name: '基本满意' },
  { level: 2, name: '不满意' },
  { level: 1, name: '非常不满意' },
];

export function ratingLevelName(level: number): string {
  return RATING_LEVELS.find((l) => l.level === level)?.name ?? '';
}

/** Levels 1–2 are 差评: they need reasons and a comment, and open a rectification ticket. */
export function isBadRating(level: number): boolean {
  return level === 1 || level === 2;
}

export const TICKET_STEPS: ReadonlyArray<{ status: TicketStatus; name: string }> = [
  { status: 'verifying', name: '核实' },
  { status: 'rectifying', name: '整改' },
  { status: 'revisiting', name: '回访' },
  { status: 'closed', name: '办结' },
];

export function ticketStatusName(status: TicketStatus): string {
  return TICKET_STEPS.find((s) => s.status === status)?.name ?? '';
}

export const FEEDBACK_LEVELS: ReadonlyArray<{ level: FeedbackLevel; name: string }> = [
  { level: 'satisfied', name: '满意' },
  { level: 'basically_satisfied', name: '基本满意' },
  { level: 'unsatisfied', name: '不满意' },
];

export const CHANNEL_NAMES: Record<RatingChannel, string> = {
  online: '一事一评（网上办件）',
  onsite: '一次一评（窗口服务）',
};

export interface RatingDraft {
  level?: number;
  indicators: Record<string, number | undefined>;
  reasonCodes: string[];
  comment: string;
}

export interface RatingRules {
  indicatorKeys: readonly string[];
  reasonCodes: readonly string[];
  commentMax: number;
  badCommentMin: number;
}

/**
 * What is missing or wrong in a rating before it is sent, as field → Chinese message.
 * The gateway checks the same rules; checking here saves a round trip and keeps the text typed.
 */
export function checkRatingDraft(draft: RatingDraft, rules: RatingRules): Record<string, string> {
  const errors: Record<string, string> = {};
  if (draft.level === undefined || !Number.isInteger(draft.level) || draft.level < 1 || draft.level > 5) {
    errors.level = '请选择满意程度';
  }
  for (const key of rules.indicatorKeys) {
    const score = draft.indicators[key];
    if (score === undefined || !Number.isInteger(score) || score < 1 || score > 5) {
      errors[`indicators.${key}`] = '请为此项打分';
    }
  }
  const comment = draft.comment.trim();
  if ([...comment].length > rules.commentMax) errors.comment = `评价内容不能超过${rules.commentMax}字`;
  if (draft.level !== undefined && isBadRating(draft.level)) {
    const known = draft.reasonCodes.filter((code) => rules.reasonCodes.includes(code));
    if (known.length === 0) errors.reasonCodes = '请至少选择一项不满意的原因';
    if ([...comment].length < rules.badCommentMin) {
      errors.comment = errors.comment ?? `请写下不满意的具体情况（至少${rules.badCommentMin}个字），便于我们核实整改`;
    }
  }
  return errors;
}
