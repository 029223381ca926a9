import { View } from '@tarojs/components';
import { Button, Form, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { IdentityBoundChallenge, RealNameRequest, User } from '@contract/auth';
import { accountApi } from '@/core/api/account';
import { describeError, isApiError } from '@/core/http/api-error';
import {
  checkIdNumber,
  checkRealName,
  checkSmsCode,
  ID_NUMBER_LENGTH,
  NAME_MAX_LENGTH,
  SMS_CODE_LENGTH,
} from '../field-checks';
import { ruleOf, useServerFieldErrors } from '../form-rules';

type RealNameField = 'name' | 'idNumber' | 'code';
type RealNameValues = Record<RealNameField, string>;

export type RealNameFormProps = { onVerified: (user: User) => void };

const claimNotice = (mobileMasked: string): string =>
  `该身份证号已在另一账号完成实名认证。为确认是您本人，验证码已发送至该账号绑定的手机 ${mobileMasked}，请输入验证码`;

/**
 * Name + 身份证号 (with its GB 11643 check digit), each refused under the field in Chinese. An
 * identity already verified on another account needs the code sent to that account's mobile: the
 * form then asks for it, holding the name and number the code was sent for until 更换 starts over. When sending fails, the
 * page says why and keeps what was typed: NutUI's form store holds it.
 */
export function RealNameForm({ onVerified }: RealNameFormProps) {
  const [form] = Form.useForm();
  const server = useServerFieldErrors<RealNameField>(form);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [claim, setClaim] = useState<IdentityBoundChallenge>();

  const verify = async (values: RealNameValues) => {
    if (submitting) return;
    setFormError(undefined);
    setSubmitting(true);
    const body: RealNameRequest = { name: values.name.trim(), idNumber: values.idNumber.trim().toUpperCase() };
    if (claim) body.code = values.code.trim();
    try {
      const result = await accountApi.verifyRealName(body);
      if ('challenge' in result) {
        form.setFieldsValue({ code: '' });
        setClaim(result);
      } else {
        onVerified(result);
      }
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) {
        for (const field of ['name', 'idNumber', 'code'] as const) {
          const message = e.fieldMessage(field);
          if (message) server.show(field, message);
        }
      } else {
        setFormError(describeError(e));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      className='account-form'
      form={form}
      labelPosition='top'
      starPosition='right'
      validateTrigger='onBlur'
      initialValues={{ name: '', idNumber: '', code: '' }}
      onFinish={(values: RealNameValues) => void verify(values)}
    >
      <Form.Item label='姓名' name='name' required rules={[ruleOf(checkRealName), server.rule('name')]}>
        <Input
          maxLength={NAME_MAX_LENGTH}
          placeholder='与身份证一致'
          aria-label='姓名'
          disabled={claim !== undefined}
        />
      </Form.Item>
      <Form.Item label='身份证号' name='idNumber' required rules={[ruleOf(checkIdNumber), server.rule('idNumber')]}>
        <Input
          type='idcard'
          maxLength={ID_NUMBER_LENGTH}
          placeholder='18位居民身份证号码'
          aria-label='身份证号'
          disabled={claim !== undefined}
        />
      </Form.Item>
      {claim ? (
        <>
          <View className='account-form__notice' role='status'>
            {claimNotice(claim.mobileMasked)}
          </View>
          <Form.Item label='短信验证码' name='code' required rules={[ruleOf(checkSmsCode), server.rule('code')]}>
            <Input type='digit' maxLength={SMS_CODE_LENGTH} placeholder='6位验证码' aria-label='短信验证码' />
          </Form.Item>
        </>
      ) : null}
      {formError ? (
        <View className='account-form__error' role='alert'>
          {formError}
        </View>
      ) : null}
      <View className='account-form__actions'>
        <Button type='primary' block className='tap-target' loading={submitting} onClick={() => form.submit()}>
          提交认证
        </Button>
        {claim ? (
          <Button fill='none' block className='tap-target' onClick={() => setClaim(undefined)}>
            更换姓名或身份证号
          </Button>
        ) : null}
      </View>
    </Form>
  );
}
