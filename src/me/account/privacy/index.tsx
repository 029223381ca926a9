import { Text, View } from '@tarojs/components';
import { PageShell } from '@/ui/page-shell';
import './index.scss';

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集什么',
    body: '登录时的手机号码；实名认证时的姓名和身份证号；您收藏的事项。查找附近大厅时使用的位置只在您的手机上用于排序，不会上传。',
  },
  {
    title: '用来做什么',
    body: '仅用于为您办理政务服务：识别您的身份、保存收藏、在您申报时预填信息。不用于广告，不向无关方提供。',
  },
  {
    title: '如何保护',
    body: '身份证号、手机号在页面上只显示部分号码；这些信息不会出现在网址和日志中；传输全程加密。',
  },
  {
    title: '您的权利',
    body: '您可以随时在“我的”中退出登录、清除本机数据；如需查询、更正或删除个人信息，请拨打 12345 政务服务便民热线。',
  },
];

/** 隐私政策: short sections, each a heading and a paragraph set for reading, not scanning. */
export default function PrivacyPage() {
  return (
    <PageShell>
      <View className='section privacy'>
        <View className='privacy__title' role='heading' aria-level={1}>
          洪山掌上办隐私政策
        </View>
        {SECTIONS.map((s) => (
          <View key={s.title} className='privacy__section'>
            <View className='section__title' role='heading' aria-level={2}>
              {s.title}
            </View>
            <Text className='privacy__body'>{s.body}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
