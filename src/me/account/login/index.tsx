import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { accountApi } from '@/core/api/account';
import { ApiError, describeError, isApiError } from '@/core/http/api-error';
import { env } from '@/core/env';
import { session } from '@/core/session';
import { isMobileNumber } from '@/lib/mobile';
import { navigate } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { TextField } from '@/ui/text-field';
import { routes } from '@/ui/routes';
import { finishLogin } from '../finish-login';
import './index.scss';
import '@/ui/field.scss';

const PLATFORM_NAME = { weapp: '微信', alipay: '支付宝', h5: '' } as const;

export default function LoginPage() {
  const { redirect, reason } = useRouter().params;
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [countdown, setCountdown] = useState(0);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ field?: 'mobile' | 'code' | 'agreement'; message: string }>();

  useEffect(() => {
    if (countdown <= 0) return;
    const timer = setTimeout(() => setCountdown((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown]);

  const mobileValue = mobile.replace(/\s/g, '');

  const sendCode = async () => {
    if (!agreed) return setError({ field: 'agreement', message: '请先阅读并同意《隐私政策》' });
    if (!isMobileNumber(mobileValue)) return setError({ field: 'mobile', message: '请输入正确的11位手机号码' });
    if (sending || countdown > 0) return;
    setError(undefined);
    setSending(true);
    try {
      const sent = await accountApi.sendSms({ mobile: mobileValue });
      setCountdown(sent.resendAfterSeconds);
      void Taro.showToast({ title: '验证码已发送', icon: 'none' });
    } catch (e) {
      if (isApiError(e) && e.retryAfterSeconds) setCountdown(e.retryAfterSeconds);
      setError({ field: 'mobile', message: describeError(e) });
    } finally {
      setSending(false);
    }
  };

  const signIn = async (login: () => Promise<Parameters<typeof session.signIn>[0]>) => {
    if (!agreed) return setError({ field: 'agreement', message: '请先阅读并同意《隐私政策》' });
    if (submitting) return;
    setError(undefined);
    setSubmitting(true);
    try {
      session.signIn(await login());
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      finishLogin(redirect);
    } catch (e) {
      const field = isApiError(e) && e.fieldMessage('mobile') ? 'mobile' : 'code';
      setError({ field, message: describeError(e) });
    } finally {
      setSubmitting(false);
    }
  };

  const smsLogin = () => {
    if (!isMobileNumber(mobileValue)) return setError({ field: 'mobile', message: '请输入正确的11位手机号码' });
    if (!/^\d{6}$/.test(code)) return setError({ field: 'code', message: '请输入6位数字验证码' });
    void signIn(() => accountApi.smsLogin({ mobile: mobileValue, code }));
  };

  const platformLogin = () => {
    if (env.platform === 'h5') return;
    const platform = env.platform;
    void signIn(async () => {
      const { code: loginCode } = await Taro.login().catch(() => {
        throw new ApiError({ code: 'NETWORK', message: `${PLATFORM_NAME[platform]}登录失败，请重试或使用手机号登录` });
      });
      return accountApi.codeLogin({ platform, code: loginCode });
    });
  };

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

      {env.platform !== 'h5' ? (
        <View className='section'>
          <Button type='primary' block className='tap-target' loading={submitting} onClick={platformLogin}>
            {PLATFORM_NAME[env.platform]}一键登录
          </Button>
        </View>
      ) : null}

      <View className='section'>
        <TextField
          label='手机号码'
          type='number'
          maxLength={11}
          placeholder='请输入11位手机号码'
          value={mobile}
          onChange={setMobile}
          error={error?.field === 'mobile' ? error.message : undefined}
        />
        <TextField
          label='短信验证码'
          type='number'
          maxLength={6}
          placeholder='6位验证码'
          value={code}
          onChange={setCode}
          error={error?.field === 'code' ? error.message : undefined}
          trailing={
            <Button className='tap-target' disabled={countdown > 0} loading={sending} onClick={() => void sendCode()}>
              {countdown > 0 ? `${countdown}秒后重发` : '获取验证码'}
            </Button>
          }
        />
        <View className='login__agree'>
          <View
            className='login__check tap-target'
            role='checkbox'
            aria-checked={agreed}
            aria-label='我已阅读并同意隐私政策'
            onClick={() => {
              setAgreed((v) => !v);
              if (error?.field === 'agreement') setError(undefined);
            }}
          >
            <Text className={agreed ? 'login__box login__box--on' : 'login__box'}>{agreed ? '✓' : ''}</Text>
            <Text>我已阅读并同意</Text>
          </View>
          <View className='login__link' role='link' onClick={() => navigate(routes.privacy)}>
            《隐私政策》
          </View>
        </View>
        {error?.field === 'agreement' ? (
          <View className='field__error' role='alert'>
            {error.message}
          </View>
        ) : null}
        {error && !error.field ? (
          <View className='field__error' role='alert'>
            {error.message}
          </View>
        ) : null}
        <Button type='primary' block className='tap-target login__submit' loading={submitting} onClick={smsLogin}>
          登录
        </Button>
      </View>
    </PageShell>
  );
}
