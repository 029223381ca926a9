import { Text, View } from '@tarojs/components';
import type { CommitmentNotice } from '@contract/commitment';

export type NoticeTextProps = { notice: CommitmentNotice };

function Part(props: { title: string; children: string | string[] }) {
  const lines = Array.isArray(props.children) ? props.children : [props.children];
  return (
    <View className='notice__part'>
      <Text className='notice__heading'>{props.title}</Text>
      {lines.map((line, i) => (
        <Text key={i} className='notice__line'>
          {lines.length > 1 ? `${i + 1}. ` : ''}
          {line}
        </Text>
      ))}
    </View>
  );
}

/** The 告知书 as the gateway sent it, as plain text (never HTML), in the order 国办发〔2020〕42号 sets. */
export function NoticeText({ notice }: NoticeTextProps) {
  return (
    <View>
      <Part title='一、事项名称'>{notice.itemName}</Part>
      <Part title='二、以承诺代替的证明材料'>{notice.materialName}</Part>
      <Part title='三、应当具备的条件'>{notice.condition}</Part>
      <Part title='四、承诺方式'>{notice.method}</Part>
      <Part title='五、不实承诺的法律责任'>{notice.consequences}</Part>
      <Part title='六、行政机关核查'>{notice.verification}</Part>
      <Part title='七、申请人配合核查的义务'>{notice.cooperation}</Part>
      <Part title='八、设定依据'>{notice.legalBasis}</Part>
      <Text className='notice__end'>— 告知书全文完 —</Text>
    </View>
  );
}
