import { Text, View } from '@tarojs/components';
import type { ApplicantType, ApplicationForm } from '@contract/prereview';
import type { User } from '@contract/auth';
import { TextField } from '@/ui/text-field';
import '@/ui/field.scss';

export type ApplicantSectionProps = {
  form: ApplicationForm;
  applicantTypes: readonly ApplicantType[];
  user: User | undefined;
  errors: Record<string, string>;
  onChange: (patch: Partial<ApplicationForm>) => void;
  onVerify: () => void;
};

const TYPE_NAMES: Record<ApplicantType, string> = { person: '个人', business: '法人（企业或单位）' };

/**
 * 申请人. A person applies as themself (name and 身份证号 come from real-name verification, never
 * typed); a business gives its credit code and legal representative, with the user as 经办人.
 */
export function ApplicantSection({ form, applicantTypes, user, errors, onChange, onVerify }: ApplicantSectionProps) {
  const verified = user?.realName.verified === true;
  return (
    <View className='section'>
      <Text className='section__title'>申请人信息</Text>
      {applicantTypes.length > 1 ? (
        <View className='choices' role='radiogroup' aria-label='申请人类型'>
          {applicantTypes.map((type) => (
            <View
              key={type}
              className='choice tap-target'
              role='radio'
              aria-checked={form.applicantType === type}
              onClick={() => onChange({ applicantType: type })}
            >
              <Text className={form.applicantType === type ? 'choice__box choice__box--on' : 'choice__box'}>
                {form.applicantType === type ? '●' : ''}
              </Text>
              <Text>{TYPE_NAMES[type]}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='muted'>申请人类型：{TYPE_NAMES[applicantTypes[0] ?? 'person']}</Text>
      )}
      {errors['form.applicantType'] ? (
        <View className='field__error' role='alert'>
          {errors['form.applicantType']}
        </View>
      ) : null}

      <View className='identity'>
        <Text className='identity__label'>{form.applicantType === 'business' ? '经办人' : '申请人'}</Text>
        {verified ? (
          <Text>
            {user?.realName.nameMasked} · 身份证 {user?.realName.idNumberMasked}（已实名，自动带出）
          </Text>
        ) : (
          <View>
            <Text className='field__hint'>提交前需完成实名认证，已填写的内容会保留。</Text>
            <View className='link tap-target' role='button' onClick={onVerify}>
              去实名认证 ›
            </View>
          </View>
        )}
      </View>

      {form.applicantType === 'business' ? (
        <>
          <TextField
            label='单位名称'
            value={form.companyName ?? ''}
            maxLength={100}
            error={errors['form.companyName']}
            onChange={(companyName) => onChange({ companyName })}
          />
          <TextField
            label='统一社会信用代码'
            value={form.creditCode ?? ''}
            maxLength={18}
            placeholder='18位，如 91420111MA4K2XXXXX'
            error={errors['form.creditCode']}
            onChange={(creditCode) => onChange({ creditCode: creditCode.toUpperCase() })}
          />
          <TextField
            label='法定代表人'
            value={form.legalRepresentative ?? ''}
            maxLength={30}
            error={errors['form.legalRepresentative']}
            onChange={(legalRepresentative) => onChange({ legalRepresentative })}
          />
          <TextField
            label='法定代表人身份证号'
            type='idcard'
            value={form.legalRepresentativeIdNumber ?? ''}
            maxLength={18}
            error={errors['form.legalRepresentativeIdNumber']}
            onChange={(legalRepresentativeIdNumber) =>
              onChange({ legalRepresentativeIdNumber: legalRepresentativeIdNumber.toUpperCase() })
            }
          />
        </>
      ) : null}
      <TextField
        label='联系电话'
        type='number'
        value={form.contactMobile ?? ''}
        maxLength={11}
        placeholder={user?.mobileMasked ? `不填则使用登录手机号 ${user.mobileMasked}` : '11位手机号'}
        error={errors['form.contactMobile']}
        onChange={(contactMobile) => onChange({ contactMobile })}
      />
      <TextField
        label='联系地址'
        value={form.address ?? ''}
        maxLength={200}
        placeholder='如：洪山区珞喻路 XX 号 X 栋 X 室'
        error={errors['form.address']}
        onChange={(address) => onChange({ address })}
      />
      <TextField
        label='申请说明（选填）'
        value={form.remark ?? ''}
        maxLength={500}
        onChange={(remark) => onChange({ remark })}
      />
    </View>
  );
}
