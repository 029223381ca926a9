import { Text, Textarea, View } from '@tarojs/components';
import { Form, Input } from '@nutui/nutui-react-taro';
import type { ApplicantType, ApplicationForm } from '@contract/prereview';
import type { User } from '@contract/auth';
import { APPLICANT_MAX_LENGTH, applicantRules, refusedBy, type ApplicantField } from './applicant-rules';
import { LabelledRadio } from '@/ui/labelled-radio';
import { FieldError } from '@/ui/field-error';
// field.scss (field__hint, field__error) comes with the editor, the only page drawing this section.

export type ApplicantFormInstance = ReturnType<typeof Form.useForm>[0];

/** A value the gateway refused for a field, with its message. */
export type Refusal = { value: string; message: string };

export type ApplicantSectionProps = {
  form: ApplicantFormInstance;
  values: ApplicationForm;
  applicantTypes: readonly ApplicantType[];
  user: User | undefined;
  /** Messages for what the Form does not hold (the applicant type). */
  errors: Record<string, string>;
  /** What the gateway refused, by applicant field. */
  refused: Partial<Record<ApplicantField, Refusal>>;
  /** Fields are checked as they are left, and as they are typed once submitting was tried. */
  live: boolean;
  onChange: (patch: Partial<ApplicationForm>) => void;
  onVerify: () => void;
};

const TYPE_NAMES: Record<ApplicantType, string> = { person: '个人', business: '法人（企业或单位）' };

const RULES = applicantRules();

type FieldSpec = {
  name: ApplicantField;
  label: string;
  type?: 'text' | 'number' | 'idcard';
  placeholder?: string;
  /** Codes are kept upper-case: the checks accept `x` for `X`, the gateway stores `X`. */
  upper?: boolean;
};

/** The form's values, as strings for its inputs. */
export function applicantValues(form: ApplicationForm): Record<ApplicantField, string> {
  return {
    companyName: form.companyName ?? '',
    creditCode: form.creditCode ?? '',
    legalRepresentative: form.legalRepresentative ?? '',
    legalRepresentativeIdNumber: form.legalRepresentativeIdNumber ?? '',
    contactMobile: form.contactMobile ?? '',
    address: form.address ?? '',
    remark: form.remark ?? '',
  };
}

/**
 * 申请人. A person applies as themself (name and 身份证号 come from real-name verification, never
 * typed); a business gives its credit code and legal representative, with the user as 经办人.
 * NutUI's Form holds the typed fields and their rules; every change also goes to the draft.
 */
export function ApplicantSection({
  form,
  values,
  applicantTypes,
  user,
  errors,
  refused,
  live,
  onChange,
  onVerify,
}: ApplicantSectionProps) {
  const verified = user?.realName.verified === true;
  const business = values.applicantType === 'business';

  const field = ({ name, label, type = 'text', placeholder, upper }: FieldSpec) => (
    <Form.Item
      key={name}
      name={name}
      className='applicant-field'
      // The label in its own element: the mini-program suite finds the field by it.
      label={<Text>{label}</Text>}
      rules={[...RULES[name], refusedBy(refused[name])]}
      getValueFromEvent={(value: string) => (upper ? value.toUpperCase() : value)}
    >
      <Input
        type={type}
        maxLength={APPLICANT_MAX_LENGTH[name]}
        placeholder={placeholder ?? `请输入${label}`}
        aria-label={label}
        // H5 draws Taro's input inside its own element: the name must be on the <input> itself.
        nativeProps={{ 'aria-label': label }}
        onChange={(value: string) => onChange({ [name]: upper ? value.toUpperCase() : value })}
      />
    </Form.Item>
  );

  return (
    <View className='section'>
      <Text className='section__title'>申请人信息</Text>
      {applicantTypes.length > 1 ? (
        <View className='choices' role='radiogroup' aria-label='申请人类型'>
          {applicantTypes.map((type) => (
            <LabelledRadio
              key={type}
              label={TYPE_NAMES[type]}
              checked={values.applicantType === type}
              onSelect={() => onChange({ applicantType: type })}
            />
          ))}
        </View>
      ) : (
        <Text className='muted'>申请人类型：{TYPE_NAMES[applicantTypes[0] ?? 'person']}</Text>
      )}
      <FieldError message={errors['form.applicantType']} />

      <View className='identity'>
        <Text className='identity__label'>{business ? '经办人' : '申请人'}</Text>
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

      <Form
        form={form}
        className='applicant-form'
        labelPosition='top'
        starPosition='right'
        divider={false}
        initialValues={applicantValues(values)}
        validateTrigger={live ? ['onChange', 'onBlur'] : 'onBlur'}
      >
        {business
          ? [
              field({ name: 'companyName', label: '单位名称' }),
              field({
                name: 'creditCode',
                label: '统一社会信用代码',
                placeholder: '18位，如 91420111MA4K2XXXXX',
                upper: true,
              }),
              field({ name: 'legalRepresentative', label: '法定代表人' }),
              field({ name: 'legalRepresentativeIdNumber', label: '法定代表人身份证号', type: 'idcard', upper: true }),
            ]
          : null}
        {field({
          name: 'contactMobile',
          label: '联系电话',
          type: 'number',
          placeholder: user?.mobileMasked ? `不填则使用登录手机号 ${user.mobileMasked}` : '11位手机号',
        })}
        {field({ name: 'address', label: '联系地址', placeholder: '如：洪山区珞喻路 XX 号 X 栋 X 室' })}
        <Form.Item
          name='remark'
          className='applicant-field'
          label={<Text>申请说明（选填）</Text>}
          rules={[...RULES.remark, refusedBy(refused.remark)]}
          // Taro's textarea (not NutUI's TextArea: 4.5 KB the subpackage has no room for, docs/ui.md).
          trigger='onInput'
          getValueFromEvent={(event: { detail: { value: string } }) => event.detail.value}
        >
          <Textarea
            className='remark__input'
            maxlength={APPLICANT_MAX_LENGTH.remark}
            autoHeight
            placeholder='需要向窗口说明的情况，可不填'
            aria-label='申请说明（选填）'
            nativeProps={{ 'aria-label': '申请说明（选填）' }}
            onInput={(event) => onChange({ remark: event.detail.value })}
          />
        </Form.Item>
        <Text className='remark__count' aria-live='polite'>
          {Array.from(values.remark ?? '').length}/{APPLICANT_MAX_LENGTH.remark}
        </Text>
      </Form>
    </View>
  );
}
