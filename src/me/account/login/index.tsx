import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { session } from '@/core/session';
import { PageShell } from '@/ui/page-shell';
import { finishLogin } from '../finish-login';
import { LoginForm } from './login-form';
import '../account-form.scss';
import './index.scss';

export default function LoginPage() {
  const { redirect, reason } = useRouter().params;
  return (
    <PageShell className='login'>
      {reason === 'expired' ? (
        <View className='login__notice' role='status'>
          登录已过期，请重新登录
        </View>
      ) : null}
      <View className='section'>
        <Text className='section__title'>登录洪山掌上办</Text>
        <Text className='muted'>登录后可收藏事项、在线申报、查看办件进度。</Text>
      </View>
      <View className='section login__body'>
        <LoginForm
          onSignedIn={(result) => {
            session.signIn(result);
            void Taro.showToast({ title: '登录成功', icon: 'success' });
            finishLogin(redirect);
          }}
        />
      </View>
    </PageShell>
  );
}
