import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { CaseMaterial } from '@contract/prereview';

export type MaterialSummaryProps = { material: CaseMaterial };

const REVIEW_NAMES: Record<CaseMaterial['review'], string> = {
  pending: '待审',
  returned: '需补正',
  accepted: '已通过',
};

/** The review's colour: the theme's success, danger and default (grey) tags. */
const REVIEW_TAG: Record<CaseMaterial['review'], 'default' | 'danger' | 'success'> = {
  pending: 'default',
  returned: 'danger',
  accepted: 'success',
};

/** One material of a submitted case: how it was provided and its review, as a NutUI Tag. */
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
        <Tag className={`review review--${material.review}`} type={REVIEW_TAG[material.review]}>
          {REVIEW_NAMES[material.review]}
        </Tag>
      </View>
      <Text className='muted'>{how}</Text>
      {material.review === 'returned' && material.reviewComment ? (
        <Text className='mcard__returned'>退回意见：{material.reviewComment}</Text>
      ) : null}
    </View>
  );
}
