import {
  RATING_WINDOW_DAYS,
  type RatingChannel,
  type RatingReason,
  type RatingReasonList,
} from '../../../types/contract';
import { chinaTime, instantOfChinaTime } from '../../../src/lib/dayjs-china';

/**
 * 好差评 reference data: the indicators of each channel (GB/T 39734-2020) and the 差评 reasons a
 * rater picks from. Codes are stable (stored with ratings); labels may be reworded.
 */

const INDICATORS: Record<RatingChannel, { key: string; label: string }[]> = {
  online: [
    { key: 'efficiency', label: '办事效率' },
    { key: 'guideAccuracy', label: '办事指南精确度' },
    { key: 'convenience', label: '办事便捷度' },
    { key: 'usability', label: '平台操作性' },
  ],
  onsite: [
    { key: 'serviceEfficiency', label: '服务效率' },
    { key: 'serviceLevel', label: '服务水平' },
    { key: 'attitude', label: '服务态度' },
  ],
};

const REASONS: Record<RatingChannel, RatingReason[]> = {
  online: [
    { code: 'too_slow', label: '办理时间过长' },
    { code: 'unclear_materials', label: '材料要求不清晰' },
    { code: 'guide_mismatch', label: '办事指南与实际要求不一致' },
    { code: 'not_told_at_once', label: '告知不一次性，反复补正' },
    { code: 'repeated_returns', label: '多次往返仍未办成' },
    { code: 'complex_system', label: '系统操作复杂' },
    { code: 'system_fault', label: '系统故障，无法提交或查询' },
    { code: 'no_reply', label: '咨询无人回复' },
    { code: 'other', label: '其他问题' },
  ],
  onsite: [
    { code: 'long_queue', label: '排队等候时间长' },
    { code: 'too_slow', label: '办理时间过长' },
    { code: 'bad_attitude', label: '工作人员态度差' },
    { code: 'not_told_at_once', label: '告知不一次性，反复补正' },
    { code: 'repeated_returns', label: '多次往返仍未办成' },
    { code: 'unclear_materials', label: '材料要求不清晰' },
    { code: 'unskilled', label: '工作人员业务不熟练' },
    { code: 'window_unattended', label: '窗口无人或提前离岗' },
    { code: 'other', label: '其他问题' },
  ],
};

/** Labels for every code ever listed, so a stored rating still reads well if a list changes. */
const ALL_REASON_LABELS = new Map<string, string>(
  [...REASONS.online, ...REASONS.onsite].map((r) => [r.code, r.label] as const),
);

export function reasonList(channel: RatingChannel): RatingReasonList {
  return {
    channel,
    indicators: INDICATORS[channel].map((i) => ({ ...i })),
    reasons: REASONS[channel].map((r) => ({ ...r })),
  };
}

export function indicatorsOf(channel: RatingChannel): { key: string; label: string }[] {
  return INDICATORS[channel];
}

export function isReason(channel: RatingChannel, code: string): boolean {
  return REASONS[channel].some((r) => r.code === code);
}

export function reasonsFor(codes: string[]): RatingReason[] {
  return codes.map((code) => ({ code, label: ALL_REASON_LABELS.get(code) ?? code }));
}

/** 差评: 不满意 (2) and 非常不满意 (1). */
export function isBadLevel(level: number): boolean {
  return level <= 2;
}

/** 满意率 counts 基本满意 and better (3–5) as satisfied. */
export function isSatisfiedLevel(level: number): boolean {
  return level >= 3;
}

/** A visit can be rated for this long after it starts. */
export const VISIT_TTL_MS = 24 * 3600 * 1000;
/** After rating a window, the same user cannot start a new visit there for this long (一次一评). */
export const REVISIT_GAP_MS = 4 * 3600 * 1000;
/** Ratings one user may submit per China calendar day. */
export const DAILY_RATING_LIMIT = 20;
/** Working days from the 差评 to the rectification deadline, by default. */
export const DEFAULT_RECTIFICATION_DAYS = 15;
/** The 7-day default rating is 基本满意. */
export const DEFAULT_RATING_LEVEL = 3;

/** The last moment a finished case can be rated (completedAt + RATING_WINDOW_DAYS). */
export function ratingDeadline(completedAt: number): number {
  return instantOfChinaTime(chinaTime(completedAt).add(RATING_WINDOW_DAYS, 'day'));
}

/** Cases completed before this moment and still unrated count as 基本满意 (now > deadline). */
export function defaultCutoff(now: number): number {
  return instantOfChinaTime(chinaTime(now).subtract(RATING_WINDOW_DAYS, 'day'));
}

const DEFAULT_PREFIX = 'default-';

/** The id of the computed default rating of a case: stable, so the app can link to it. */
export function defaultRatingId(caseId: string): string {
  return `${DEFAULT_PREFIX}${caseId}`;
}

/** The case id behind a default rating id, or undefined for a stored rating's id. */
export function caseOfDefaultRating(id: string): string | undefined {
  return id.startsWith(DEFAULT_PREFIX) ? id.slice(DEFAULT_PREFIX.length) : undefined;
}
