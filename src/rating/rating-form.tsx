import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { RatingReasonList } from '@contract/rating';
import {
  BAD_RATING_COMMENT_MIN,
  RATING_COMMENT_MAX,
  RATING_LEVELS,
  checkRatingDraft,
  isBadRating,
  ratingLevelName,
  type RatingDraft,
} from '@/lib/rating-rules';
import { CommentField } from './comment-field';
import { RateSlider } from './rate-slider';
import './rating-form.scss';
import '@/ui/field.scss';
import { LabelledCheckbox } from '@/ui/labelled-checkbox';

export type RatingFormProps = {
  rules: RatingReasonList;
  submitting: boolean;
  /** Field errors from the gateway, shown beside their fields. */
  serverErrors?: Record<string, string>;
  onSubmit: (draft: Required<Pick<RatingDraft, 'level'>> & RatingDraft) => void;
};

/** The five levels from the first star to the fifth, as the stars run. */
const LEVELS_BY_STAR = [...RATING_LEVELS].sort((a, b) => a.level - b.level);

/** 五级评价 as five stars with every level's name under its star; a name is a target too. */
function LevelStars(props: { value?: number; onChange: (v: number) => void; error?: string }) {
  const name = props.value ? ratingLevelName(props.value) : undefined;
  return (
    <View className='section'>
      <View className='level-rate__head'>
        <Text className='section__title'>总体满意程度</Text>
        <Text className={name ? 'level-rate__value level-rate__value--on' : 'level-rate__value'}>
          {name ? `已选：${name}` : '请选择'}
        </Text>
      </View>
      <RateSlider
        className='level-rate'
        label='总体满意程度'
        value={props.value}
        valueText={name ?? '未选择'}
        onChange={props.onChange}
      >
        {/* The slider already says each level; the names are for the eye and the finger. */}
        <View className='level-captions' aria-hidden>
          {LEVELS_BY_STAR.map(({ level, name: caption }) => (
            <Text
              key={level}
              className={props.value === level ? 'level level-caption level-caption--on' : 'level level-caption'}
              onClick={() => props.onChange(level)}
            >
              {caption}
            </Text>
          ))}
        </View>
      </RateSlider>
      {props.error ? <Text className='field__error'>{props.error}</Text> : null}
    </View>
  );
}

function Stars(props: { label: string; value?: number; onChange: (v: number) => void; error?: string }) {
  const text = props.value ? `${props.value}分` : '未打分';
  return (
    <View className='score'>
      <Text className='score__label'>{props.label}</Text>
      <View className='score__stars'>
        <RateSlider label={props.label} value={props.value} valueText={text} onChange={props.onChange} />
        <Text className='score__value'>{text}</Text>
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
      <LevelStars value={draft.level} error={shown.level} onChange={(level) => setDraft((d) => ({ ...d, level }))} />

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
          <View className='rating-reasons' role='group' aria-label='不满意的原因'>
            {rules.reasons.map((reason) => (
              <LabelledCheckbox
                key={reason.code}
                className='rating-reason'
                shape='button'
                label={reason.label}
                checked={draft.reasonCodes.includes(reason.code)}
                onChange={(on) =>
                  setDraft((d) => ({
                    ...d,
                    reasonCodes: on
                      ? [...d.reasonCodes.filter((c) => c !== reason.code), reason.code]
                      : d.reasonCodes.filter((c) => c !== reason.code),
                  }))
                }
              />
            ))}
          </View>
          {shown.reasonCodes ? <Text className='field__error'>{shown.reasonCodes}</Text> : null}
        </View>
      ) : null}

      <View className='section'>
        <CommentField
          label={bad ? '具体情况（必填）' : '评价内容（选填）'}
          value={draft.comment}
          onChange={(comment) => setDraft((d) => ({ ...d, comment }))}
          placeholder={bad ? '请写下遇到的问题，便于核实整改' : '说说您的办事体验'}
          error={shown.comment}
        />
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
