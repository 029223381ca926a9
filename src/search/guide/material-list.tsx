import { Text, View } from '@tarojs/components';
import type { Material } from '@contract/catalogue';
import { formatMaterialTerms } from '@/lib/format';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';

export type MaterialListProps = {
  materials: Material[];
  /** When set, materials that allow 告知承诺 link to their notice. */
  itemCode?: string;
};

/** 申请材料 with form, copies, necessity, 审查要点 and what may replace each. */
export function MaterialList({ materials, itemCode }: MaterialListProps) {
  if (materials.length === 0) return <Text className='muted'>无需提交材料</Text>;
  return (
    <View role='list'>
      {materials.map((m, index) => (
        <View key={m.id} className='material' role='listitem'>
          <Text className='material__name'>
            {index + 1}. {m.name}
          </Text>
          <Text className='material__meta'>
            {formatMaterialTerms(m)}
            {m.source ? ` · 来源：${m.source}` : ''}
          </Text>
          {m.eLicenceAccepted || m.commitmentAllowed ? (
            <View className='tags'>
              {m.eLicenceAccepted ? <Text className='tag'>可用电子证照</Text> : null}
              {m.commitmentAllowed ? <Text className='tag'>可告知承诺代替</Text> : null}
            </View>
          ) : null}
          {m.reviewPoints ? <Text className='material__points'>审查要点：{m.reviewPoints}</Text> : null}
          {itemCode && m.commitmentAllowed ? (
            <View
              className='material__commit tap-target'
              role='link'
              onClick={() => navigate(routes.commitmentNotice(itemCode, m.id))}
            >
              不想开证明？查看告知书，签署承诺代替 ›
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
