import type {
  ApplicantType,
  ApplicationForm,
  FieldError,
  MaterialAnswer,
  MaterialRequirement,
} from '../../types/contract';
import { checkCreditCode } from './credit-code';
import { checkIdCardNumber } from './id-card';
import { isMobileNumber } from './mobile';

/**
 * What an application needs before it can be submitted. The app runs these checks as the user
 * types and before submitting, so the gateway's refusal (it checks again) is the exception.
 * Field paths are those the gateway reports: `form.<field>`, `form.delivery.<field>`,
 * `materials.<materialId>`.
 */
export interface FormRules {
  applicantTypes: readonly ApplicantType[];
  postAvailable: boolean;
}

const ADDRESS_MIN = 5;

function blank(value: string | undefined): boolean {
  return (value ?? '').trim() === '';
}

export function checkApplicationForm(form: ApplicationForm, rules: FormRules, now: Date = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field: `form.${field}`, message });

  if (!form.applicantType) add('applicantType', '请选择申请人类型（个人或法人）');
  else if (!rules.applicantTypes.includes(form.applicantType)) {
    add('applicantType', form.applicantType === 'person' ? '该事项不受理个人申请' : '该事项不受理法人申请');
  }
  if (!blank(form.contactMobile) && !isMobileNumber((form.contactMobile ?? '').trim())) {
    add('contactMobile', '联系电话应为11位手机号');
  }
  if (blank(form.address)) add('address', '请填写联系地址');
  else if ((form.address ?? '').trim().length < ADDRESS_MIN) add('address', '联系地址过短，请写到门牌号');

  if (form.applicantType === 'business') {
    if (blank(form.companyName)) add('companyName', '请填写单位名称');
    const credit = checkCreditCode((form.creditCode ?? '').trim());
    if (!credit.valid) add('creditCode', credit.reason);
    if (blank(form.legalRepresentative)) add('legalRepresentative', '请填写法定代表人姓名');
    const id = checkIdCardNumber((form.legalRepresentativeIdNumber ?? '').trim(), now);
    if (!id.valid) add('legalRepresentativeIdNumber', `法定代表人${id.reason}`);
  }

  const delivery = form.delivery;
  if (!delivery) add('delivery', '请选择结果领取方式');
  else if (delivery.method === 'post') {
    if (!rules.postAvailable) add('delivery', '该事项不提供邮寄，请选择窗口自取');
    if (blank(delivery.recipient)) add('delivery.recipient', '请填写收件人');
    if (!isMobileNumber(delivery.mobile.trim())) add('delivery.mobile', '收件人电话应为11位手机号');
    if (delivery.address.trim().length < ADDRESS_MIN) add('delivery.address', '请填写完整的邮寄地址');
  }
  return errors;
}

/** Whether an answer actually provides something (an empty file list does not). */
export function answerProvided(answer: MaterialAnswer | undefined): boolean {
  if (!answer) return false;
  if (answer.way === 'files') return answer.fileIds.length > 0;
  return true;
}

/** Every required material answered, within its file count, by a way it allows. */
export function checkMaterialAnswers(
  materials: readonly MaterialRequirement[],
  answers: readonly MaterialAnswer[],
): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(answers.map((a) => [a.materialId, a]));
  for (const material of materials) {
    const field = `materials.${material.id}`;
    const answer = byId.get(material.id);
    if (!answerProvided(answer)) {
      if (material.necessity === 'required') errors.push({ field, message: `请提供“${material.name}”` });
      continue;
    }
    if (answer?.way === 'files' && answer.fileIds.length > material.maxFiles) {
      errors.push({ field, message: `“${material.name}”最多上传 ${material.maxFiles} 个文件` });
    }
    if (answer?.way === 'e_licence' && !material.eLicenceAccepted) {
      errors.push({ field, message: `“${material.name}”不能用电子证照代替` });
    }
    if (answer?.way === 'commitment' && !material.commitmentAllowed) {
      errors.push({ field, message: `“${material.name}”不能用告知承诺代替` });
    }
  }
  return errors;
}
