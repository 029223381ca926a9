import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { accountApi } from '@/core/api/account';
import { describeError, isApiError } from '@/core/http/api-error';
import { session } from '@/core/session';
import { checkIdCardNumber } from '@/lib/id-card';
import { goBackOr } from '@/ui/navigate';
import { PageShell } from '@/ui/page-shell';
import { TextField } from '@/ui/text-field';
import { routes } from '@/ui/routes';
import '@/ui/field.scss';

type Errors = { name?: string; idNumber?: string; form?: string };

/** Development verification flow: name + 身份证号 with a valid check digit (GB 11643). */
export default function RealNamePage() {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const next: Errors = {};
    const trimmedName = name.trim();
    if (!/^[\u4e00-\u9fa5·]{2,30}$/.test(trimmedName)) next.name = '请输入身份证上的中文姓名';
    const id = checkIdCardNumber(idNumber);
    if (!id.valid) next.idNumber = id.reason;
    setErrors(next);
    if (Object.keys(next).length > 0 || submitting) return;
    setSubmitting(true);
    try {
      const user = await accountApi.verifyRealName({ name: trimmedName, idNumber: idNumber.trim().toUpperCase() });
      session.setUser(user);
      void Taro.showToast({ title: '实名认证成功', icon: 'success' });
      goBackOr(routes.me);
    } catch (e) {
      setErrors(
        isApiError(e)
          ? {
              name: e.fieldMessage('name'),
              idNumber: e.fieldMessage('idNumber'),
              form: e.fields.length ? undefined : e.message,
            }
          : { form: describeError(e) },
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PageShell>
      <View className='section'>
        <Text className='section__title'>实名认证</Text>
        <Text className='muted'>在线申报需要实名。信息仅用于核验身份，页面上只显示部分号码。</Text>
      </View>
      <View className='section'>
        <TextField
          label='姓名'
          maxLength={30}
          placeholder='与身份证一致'
          value={name}
          onChange={setName}
          error={errors.name}
        />
        <TextField
          label='身份证号'
          type='idcard'
          maxLength={18}
          placeholder='18位居民身份证号码'
          value={idNumber}
          onChange={setIdNumber}
          error={errors.idNumber}
        />
        {errors.form ? (
          <View className='field__error' role='alert'>
            {errors.form}
          </View>
        ) : null}
        <Button type='primary' block className='tap-target' loading={submitting} onClick={() => void submit()}>
          提交认证
        </Button>
      </View>
    </PageShell>
  );
}
