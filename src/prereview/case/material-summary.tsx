import { Text, View } from '@tarojs/components';
import type { CaseMaterial } from '@contract/prereview';

export type MaterialSummaryProps = { material: CaseMaterial };

const REVIEW_NAMES: Record<CaseMaterial['review'], string> = {
  pending: '待审',
  returned: '需补正',
  accepted: '已通过',
};

/** The review's colour: success, danger or neutral. */
const REVIEW_TONE: Record<CaseMaterial['review'], 'default' | 'danger' | 'success'> = {
  pending: 'default',
  returned: 'danger',
  accepted: 'success',
};

/** One material of a submitted case: how it was provided and its review, as a tag. */
export function MaterialSummary({ material }: MaterialSummaryProps) {
  const how =
    material.way === 'e_licence'
      ? `电子证照：${material.licenceName ?? ''}`
      : material.way === 'commitment'
        ? '告知承诺代替'
        : material.files.map((f) => f.name).join('、');
  return (
    <View className='case-material' role='listitem'>
      <View className='case-material__head'>
        <Text className='case-material__name'>{material.name}</Text>
        <Text className={`status-tag status-tag--${REVIEW_TONE[material.review]} review review--${material.review}`}>
          {REVIEW_NAMES[material.review]}
        </Text>
      </View>
      <Text className='muted'>{how}</Text>
      {material.review === 'returned' && material.reviewComment ? (
        <Text className='mcard__returned'>退回意见：{material.reviewComment}</Text>
      ) : null}
    </View>
  );
}
