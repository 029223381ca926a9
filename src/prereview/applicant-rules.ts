import { checkCreditCode } from '@/lib/credit-code';
import { checkIdCardNumber } from '@/lib/id-card';
import { isMobileNumber } from '@/lib/mobile';

/**
 * The applicant fields' rules for NutUI's Form.Item, built on the same validators as
 * `checkForm` (src/lib/application-check.ts), with its messages: what the phone refuses is what the
 * gateway would refuse, said the same way, naming the field.
 */
export type ApplicantRule = {
  /** Only for the star beside the label: the validator below says what is missing. */
  required?: boolean;
  validator: (rule: unknown, value: unknown) => Promise<boolean>;
};

export type ApplicantField =
  | 'companyName'
  | 'creditCode'
  | 'legalRepresentative'
  | 'legalRepresentativeIdNumber'
  | 'contactMobile'
  | 'address'
  | 'remark';

/** What a field's value is refused for, or undefined when it passes. */
type Check = (value: string) => string | undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
// Code points, trimmed, as checkForm counts: an emoji is one character.
const length = (value: string): number => Array.from(value.trim()).length;

function rule(check: Check, required = false): ApplicantRule {
  return {
    required,
    validator: (_rule, value) => {
      const refusal = check(text(value));
      // async-validator shows a rejected Error's message under the field.
      return refusal ? Promise.reject(new Error(refusal)) : Promise.resolve(true);
    },
  };
}

const filled =
  (label: string): Check =>
  (value) =>
    length(value) === 0 ? `请填写${label}` : undefined;

const within =
  (label: string, min: number, max: number): Check =>
  (value) => {
    const n = length(value);
    if (n === 0) return undefined;
    if (n < min) return `${label}至少 ${min} 个字`;
    if (n > max) return `${label}不能超过 ${max} 个字`;
    return undefined;
  };

const requiredText = (label: string, min: number, max: number): ApplicantRule[] => [
  rule(filled(label), true),
  rule(within(label, min, max)),
];

/** The longest each field may be typed (the input stops there; the rules say why beyond it). */
export const APPLICANT_MAX_LENGTH: Record<ApplicantField, number> = {
  companyName: 100,
  creditCode: 18,
  legalRepresentative: 30,
  legalRepresentativeIdNumber: 18,
  contactMobile: 11,
  address: 200,
  remark: 500,
};

/** The rules of each applicant field. `now` pins "today" for the birth date in a 身份证号. */
export function applicantRules(now: () => Date = () => new Date()): Record<ApplicantField, ApplicantRule[]> {
  return {
    companyName: requiredText('单位名称', 2, 100),
    // One rule: the lib's check says what is missing too (请输入统一社会信用代码).
    creditCode: [
      rule((value) => {
        const check = checkCreditCode(value);
        return check.valid ? undefined : check.reason;
      }, true),
    ],
    legalRepresentative: requiredText('法定代表人姓名', 2, 30),
    legalRepresentativeIdNumber: [
      rule(filled('法定代表人身份证号'), true),
      rule((value) => {
        if (length(value) === 0) return undefined;
        const check = checkIdCardNumber(value, now());
        return check.valid ? undefined : `法定代表人${check.reason}`;
      }),
    ],
    // Optional: without it the gateway uses the login number.
    contactMobile: [
      rule((value) => (length(value) > 0 && !isMobileNumber(value) ? '联系电话应为 11 位中国大陆手机号' : undefined)),
    ],
    address: requiredText('联系地址', 2, 200),
    remark: [rule(within('申请说明', 0, 500))],
  };
}

/**
 * A message the gateway gave for a field, shown under it while the value is the one it refused:
 * its rules can know what the phone cannot (e.g. a code already in use).
 */
export function refusedBy(refused: { value: string; message: string } | undefined): ApplicantRule {
  return rule((value) => (refused && value === refused.value ? refused.message : undefined));
}
