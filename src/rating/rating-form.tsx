import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RatingReasonList } from '@contract/rating';
import {
  BAD_RATING_COMMENT_MIN,
  RATING_COMMENT_MAX,
  RATING_LEVELS,
  checkRatingDraft,
  isBadRating,
  type RatingDraft,
} from '@/lib/rating-rules';
import './rating-form.scss';
import '@/ui/chips.scss';
import '@/ui/field.scss';

export type RatingFormProps = {
  rules: RatingReasonList;
  submitting: boolean;
  /** Field errors from the gateway, shown beside their fields. */
  serverErrors?: Record<string, string>;
  onSubmit: (draft: Required<Pick<RatingDraft, 'level'>> & RatingDraft) => void;
};

function Stars(props: { label: string; value?: number; onChange: (v: number) => void; error?: string }) {
  return (
    <View className='score'>
      <Text className='score__label'>{props.label}</Text>
      <View className='score__stars' role='radiogroup' aria-label={props.label}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={props.value !== undefined && n <= props.value ? 'star star--on' : 'star'}
            role='radio'
            aria-checked={props.value === n}
            aria-label={`${props.label}${n}分`}
            onClick={() => props.onChange(n)}
          >
            {props.value !== undefined && n <= props.value ? '★' : '☆'}
          </View>
        ))}
        <Text className='score__value'>{props.value ? `${props.value}分` : '未打分'}</Text>
      </View>
      {props.error ? <Text className='field__error'>{props.error}</Text> : null}
    </View>
  );
}

/** 五级评价 + indicators + (for a 差评) reasons and a comment. Real-name, and says so. */
export function RatingForm({ rules, submitting, serverErrors = {}, onSubmit }: RatingFormProps) {
  const [draft, setDraft] = useState<RatingDraft>({ indicators: {}, reasonCodes: [], comment: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const bad = draft.level !== undefined && isBadRating(draft.level);
  const shown = { ...serverErrors, ...errors };
  const commentLength = [...draft.comment.trim()].length;

  const submit = () => {
    const found = checkRatingDraft(draft, {
      indicatorKeys: rules.indicators.map((i) => i.key),
      reasonCodes: rules.reasons.map((r) => r.code),
      commentMax: RATING_COMMENT_MAX,
      badCommentMin: BAD_RATING_COMMENT_MIN,
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || submitting || draft.level === undefined) return;
    onSubmit({ ...draft, level: draft.level, reasonCodes: bad ? draft.reasonCodes : [] });
  };

  return (
    <View className='rating-form'>
      <View className='section'>
        <Text className='section__title'>总体满意程度</Text>
        <View className='levels' role='radiogroup' aria-label='总体满意程度'>
          {RATING_LEVELS.map(({ level, name }) => (
            <View
              key={level}
              className={draft.level === level ? 'level level--on' : 'level'}
              role='radio'
              aria-checked={draft.level === level}
              onClick={() => setDraft((d) => ({ ...d, level }))}
            >
              {draft.level === level ? '✓ ' : ''}
              {name}
            </View>
          ))}
        </View>
        {shown.level ? <Text className='field__error'>{shown.level}</Text> : null}
      </View>

      <View className='section'>
        <Text className='section__title'>分项评价</Text>
        {rules.indicators.map((indicator) => (
          <Stars
            key={indicator.key}
            label={indicator.label}
            value={draft.indicators[indicator.key]}
            error={shown[`indicators.${indicator.key}`]}
            onChange={(v) => setDraft((d) => ({ ...d, indicators: { ...d.indicators, [indicator.key]: v } }))}
          />
        ))}
      </View>

      {bad ? (
        <View className='section'>
          <Text className='section__title'>不满意的原因（可多选）</Text>
          <View className='chips'>
            {rules.reasons.map((reason) => {
              const on = draft.reasonCodes.includes(reason.code);
              return (
                <View
                  key={reason.code}
                  className={on ? 'chip chip--active' : 'chip'}
                  role='checkbox'
                  aria-checked={on}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      reasonCodes: on
                        ? d.reasonCodes.filter((c) => c !== reason.code)
                        : [...d.reasonCodes, reason.code],
                    }))
                  }
                >
                  {on ? '✓ ' : ''}
                  {reason.label}
                </View>
              );
            })}
          </View>
          {shown.reasonCodes ? <Text className='field__error'>{shown.reasonCodes}</Text> : null}
        </View>
      ) : null}

      <View className='section'>
        <Text className='section__title'>{bad ? '具体情况（必填）' : '评价内容（选填）'}</Text>
        <Textarea
          className='rating-form__comment'
          value={draft.comment}
          maxlength={RATING_COMMENT_MAX}
          placeholder={bad ? '请写下遇到的问题，便于核实整改' : '说说您的办事体验'}
          aria-label='评价内容'
          onInput={(e) => setDraft((d) => ({ ...d, comment: e.detail.value }))}
        />
        <Text className='field__hint'>
          {commentLength}/{RATING_COMMENT_MAX}
        </Text>
        {shown.comment ? <Text className='field__error'>{shown.comment}</Text> : null}
      </View>

      <View className='section'>
        <Text className='field__hint'>
          实名评价：您的身份仅用于核实和回访，不会向被评价的工作人员或公众公开。每件事、每次窗口服务只能评价一次，提交后不能修改。
        </Text>
        <Button type='primary' block className='tap-target rating-form__submit' loading={submitting} onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  );
}
