import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { session } from '@/core/session';
import { goBackOr } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { routes } from '@/ui/routes';
import { RealNameForm } from './real-name-form';
import '../account-form.scss';

/** Development verification flow: name + 身份证号 with a valid check digit (GB 11643). */
export default function RealNamePage() {
  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>实名认证</Text>
        <Text className='muted'>在线申报需要实名。信息仅用于核验身份，页面上只显示部分号码。</Text>
      </View>
      <View className='section'>
        <RealNameForm
          onVerified={(user) => {
            session.setUser(user);
            void Taro.showToast({ title: '实名认证成功', icon: 'success' });
            goBackOr(routes.me);
          }}
        />
      </View>
    </PageShell>
  );
}
