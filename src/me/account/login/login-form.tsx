import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Form, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { LoginResult } from '@contract/auth';
import { accountApi } from '@/core/api/account';
import { ApiError, describeError, isApiError } from '@/core/http/api-error';
import { env } from '@/core/env';
import { InlineNotice, useNotice } from '@/ui/inline-notice';
import { checkMobile, checkSmsCode, MOBILE_MAX_LENGTH, normaliseMobile } from '../field-checks';
import { ruleOf, useServerFieldErrors } from '../form-rules';
import { PrivacyConsent } from '../privacy-consent';
import { ResendButton } from './resend-button';
import { SmsCodeInput } from './sms-code-input';

type LoginField = 'mobile' | 'code' | 'agreed';
type LoginValues = { mobile: string; code: string; agreed: boolean };

const PLATFORM_NAME = { weapp: '微信', alipay: '支付宝', h5: '' } as const;

const consentRule = {
  validator: (_rule: unknown, agreed: unknown) =>
    agreed === true ? true : Promise.reject(new Error('请先阅读并同意《隐私政策》')),
};

export type LoginFormProps = { onSignedIn: (result: LoginResult) => void };

/**
 * The mini-programs' one-tap login, and login by mobile number + SMS code (the only way on H5),
 * both after consent to the privacy policy. Each field says what is wrong with it under it, in
 * Chinese: NutUI's rules for what can be checked here, the gateway's answers for the rest.
 */
export function LoginForm({ onSignedIn }: LoginFormProps) {
  const [form] = Form.useForm();
  const server = useServerFieldErrors<LoginField>(form);
  const [waitMs, setWaitMs] = useState<number>();
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string>();
  // Said beside the field, not in a toast: on H5 Taro's toast brings its modal and action sheet along.
  const [notice, showNotice] = useNotice();

  /** Every listed field valid, as NutUI's rules see them (it shows their messages). */
  const valid = async (fields: LoginField[]) => (await form.validateFields(fields)).length === 0;

  const sendCode = async () => {
    if (sending || waitMs !== undefined || !(await valid(['agreed', 'mobile']))) return;
    setFormError(undefined);
    setSending(true);
    try {
      const mobile = normaliseMobile(String(form.getFieldValue('mobile') ?? ''));
      const sent = await accountApi.sendSms({ mobile });
      setWaitMs(sent.resendAfterSeconds * 1000);
      showNotice('验证码已发送，请查看短信');
    } catch (e) {
      if (isApiError(e) && e.retryAfterSeconds) setWaitMs(e.retryAfterSeconds * 1000);
      server.show('mobile', describeError(e));
    } finally {
      setSending(false);
    }
  };

  const signIn = async (login: () => Promise<LoginResult>, fieldOfError: (e: unknown) => LoginField | undefined) => {
    if (submitting) return;
    setFormError(undefined);
    setSubmitting(true);
    try {
      onSignedIn(await login());
    } catch (e) {
      const field = fieldOfError(e);
      if (field) server.show(field, describeError(e));
      else setFormError(describeError(e));
    } finally {
      setSubmitting(false);
    }
  };

  const smsLogin = (values: LoginValues) =>
    void signIn(
      () => accountApi.smsLogin({ mobile: normaliseMobile(values.mobile), code: values.code.trim() }),
      (e) => (isApiError(e) && e.fieldMessage('mobile') ? 'mobile' : 'code'),
    );

  const platformLogin = async () => {
    if (env.platform === 'h5' || !(await valid(['agreed']))) return;
    const platform = env.platform;
    void signIn(
      async () => {
        const { code } = await Taro.login().catch(() => {
          throw new ApiError({
            code: 'NETWORK',
            message: `${PLATFORM_NAME[platform]}登录失败，请重试或使用手机号登录`,
          });
        });
        return accountApi.codeLogin({ platform, code });
      },
      () => undefined,
    );
  };

  return (
    <Form
      className='account-form login__form'
      form={form}
      labelPosition='top'
      starPosition='right'
      validateTrigger='onBlur'
      initialValues={{ mobile: '', code: '', agreed: false }}
      onFinish={(values: LoginValues) => smsLogin(values)}
    >
      {env.platform !== 'h5' ? (
        <View className='login__platform'>
          <Button type='primary' block className='tap-target' loading={submitting} onClick={() => void platformLogin()}>
            {PLATFORM_NAME[env.platform]}一键登录
          </Button>
          <Text className='login__or muted'>或使用手机号码登录</Text>
        </View>
      ) : null}
      <Form.Item label='手机号码' name='mobile' required rules={[ruleOf(checkMobile), server.rule('mobile')]}>
        <Input type='number' maxLength={MOBILE_MAX_LENGTH} placeholder='请输入11位手机号码' aria-label='手机号码' />
      </Form.Item>
      <Form.Item label='短信验证码' name='code' required rules={[ruleOf(checkSmsCode), server.rule('code')]}>
        <SmsCodeInput
          resend={
            <ResendButton
              waitMs={waitMs}
              sending={sending}
              onSend={() => void sendCode()}
              onWaited={() => setWaitMs(undefined)}
            />
          }
        />
      </Form.Item>
      <InlineNotice notice={notice} />
      <Form.Item name='agreed' valuePropName='checked' validateTrigger='onChange' rules={[consentRule]}>
        <PrivacyConsent />
      </Form.Item>
      {formError ? (
        <View className='account-form__error' role='alert'>
          {formError}
        </View>
      ) : null}
      <View className='account-form__actions'>
        <Button
          type='primary'
          block
          className='tap-target login__submit'
          loading={submitting}
          onClick={() => form.submit()}
        >
          登录
        </Button>
      </View>
    </Form>
  );
}
