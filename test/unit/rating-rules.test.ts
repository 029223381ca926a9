import { checkRatingDraft, isBadRating, ratingLevelName, ticketStatusName } from '../../src/lib/rating-rules';

const rules = {
  indicatorKeys: ['efficiency', 'guideAccuracy'],
  reasonCodes: ['slow', 'unclear'],
  commentMax: 500,
  badCommentMin: 5,
};
const allScored = { efficiency: 5, guideAccuracy: 4 };

test('levels 1 and 2 are 差评, 3 to 5 are not', () => {
  expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
  expect(ratingLevelName(5)).toBe('非常满意');
  expect(ratingLevelName(3)).toBe('基本满意');
  expect(ratingLevelName(1)).toBe('非常不满意');
  expect(ratingLevelName(0)).toBe('');
  expect(ticketStatusName('revisiting')).toBe('回访');
});

test('a good rating needs a level and every indicator, and nothing else', () => {
  expect(checkRatingDraft({ level: 5, indicators: allScored, reasonCodes: [], comment: '' }, rules)).toEqual({});
  expect(checkRatingDraft({ indicators: allScored, reasonCodes: [], comment: '' }, rules)).toEqual({
    level: '请选择满意程度',
  });
  expect(checkRatingDraft({ level: 4, indicators: { efficiency: 5 }, reasonCodes: [], comment: '' }, rules)).toEqual({
    'indicators.guideAccuracy': '请为此项打分',
  });
});

test('levels outside 1–5 are refused', () => {
  for (const level of [0, 6, 2.5]) {
    expect(checkRatingDraft({ level, indicators: allScored, reasonCodes: [], comment: '' }, rules).level).toBe(
      '请选择满意程度',
    );
  }
});

test('a 差评 needs a known reason and a comment of a few characters', () => {
  const errors = checkRatingDraft({ level: 2, indicators: allScored, reasonCodes: ['bogus'], comment: ' 慢 ' }, rules);
  expect(Object.keys(errors).sort()).toEqual(['comment', 'reasonCodes']);
  expect(
    checkRatingDraft({ level: 1, indicators: allScored, reasonCodes: ['slow'], comment: '等了一个小时' }, rules),
  ).toEqual({});
});

test('a comment over the limit is refused whatever the level; emoji count as one character', () => {
  const long = '好'.repeat(501);
  expect(checkRatingDraft({ level: 5, indicators: allScored, reasonCodes: [], comment: long }, rules).comment).toBe(
    '评价内容不能超过500字',
  );
  const emoji = '👍'.repeat(500);
  expect(checkRatingDraft({ level: 5, indicators: allScored, reasonCodes: [], comment: emoji }, rules)).toEqual({});
});
