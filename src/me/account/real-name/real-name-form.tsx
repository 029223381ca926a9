import { View } from '@tarojs/components';
import { Button, Form, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { User } from '@contract/auth';
import { accountApi } from '@/core/api/account';
import { describeError, isApiError } from '@/core/http/api-error';
import { checkIdNumber, checkRealName, ID_NUMBER_LENGTH, NAME_MAX_LENGTH } from '../field-checks';
import { ruleOf, useServerFieldErrors } from '../form-rules';

type RealNameField = 'name' | 'idNumber';
type RealNameValues = Record<RealNameField, string>;

export type RealNameFormProps = { onVerified: (user: User) => void };

/**
 * Name + 身份证号 (with its GB 11643 check digit), each refused under the field in Chinese. When
 * sending fails, the page says why and keeps what was typed: NutUI's form store holds it.
 */
export function RealNameForm({ onVerified }: RealNameFormProps) {
  const [form] = Form.useForm();
  const server = useServerFieldErrors<RealNameField>(form);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string>();

  const verify = async (values: RealNameValues) => {
    if (submitting) return;
    setFormError(undefined);
    setSubmitting(true);
    try {
      onVerified(
        await accountApi.verifyRealName({ name: values.name.trim(), idNumber: values.idNumber.trim().toUpperCase() }),
      );
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) {
        for (const field of ['name', 'idNumber'] as const) {
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
      initialValues={{ name: '', idNumber: '' }}
      onFinish={(values: RealNameValues) => void verify(values)}
    >
      <Form.Item label='姓名' name='name' required rules={[ruleOf(checkRealName), server.rule('name')]}>
        <Input maxLength={NAME_MAX_LENGTH} placeholder='与身份证一致' aria-label='姓名' />
      </Form.Item>
      <Form.Item label='身份证号' name='idNumber' required rules={[ruleOf(checkIdNumber), server.rule('idNumber')]}>
        <Input type='idcard' maxLength={ID_NUMBER_LENGTH} placeholder='18位居民身份证号码' aria-label='身份证号' />
      </Form.Item>
      {formError ? (
        <View className='account-form__error' role='alert'>
          {formError}
        </View>
      ) : null}
      <View className='account-form__actions'>
        <Button type='primary' block className='tap-target' loading={submitting} onClick={() => form.submit()}>
          提交认证
        </Button>
      </View>
    </Form>
  );
}
