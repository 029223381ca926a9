import type {
  ApplicationForm,
  ApplicationSpec,
  Delivery,
  FieldError,
  MaterialAnswer,
  MaterialRequirement,
} from '../../types/contract';
import { checkCreditCode } from './credit-code';
import { checkIdCardNumber } from './id-card';
import { isMobileNumber } from './mobile';

/**
 * The rules of an application that need nothing but the form and the item's spec, shared by the
 * app (as the user types, and before submitting) and the gateway (which checks again, together
 * with ownership of files, licences and commitments). Errors are field lists (`form.<field>`,
 * `materials.<materialId>`), so every problem can be marked at once.
 */

/** The parts of the spec the form rules read. */
export type FormRules = Pick<ApplicationSpec, 'applicantTypes' | 'postAvailable'>;

const APPLICANT_TYPE_NAMES = { person: '个人', business: '单位（法人）' } as const;

const length = (s: string | undefined): number => Array.from((s ?? '').trim()).length;
const blank = (s: string | undefined): boolean => length(s) === 0;

function push(fields: FieldError[], field: string, message: string): void {
  fields.push({ field, message });
}

function checkText(
  fields: FieldError[],
  field: string,
  value: string | undefined,
  label: string,
  min: number,
  max: number,
): void {
  if (blank(value)) push(fields, field, `请填写${label}`);
  else if (length(value) < min) push(fields, field, `${label}至少 ${min} 个字`);
  else if (length(value) > max) push(fields, field, `${label}不能超过 ${max} 个字`);
}

function checkDelivery(fields: FieldError[], spec: FormRules, delivery: Delivery | undefined): void {
  if (!delivery) {
    push(fields, 'form.delivery', '请选择结果送达方式（窗口自取或邮寄）');
    return;
  }
  if (delivery.method !== 'post') return;
  if (!spec.postAvailable) {
    push(fields, 'form.delivery', '本事项的办理结果不支持邮寄，请选择窗口自取');
    return;
  }
  checkText(fields, 'form.delivery.recipient', delivery.recipient, '收件人', 2, 30);
  if (!isMobileNumber(delivery.mobile)) push(fields, 'form.delivery.mobile', '收件人手机号应为 11 位中国大陆手机号');
  checkText(fields, 'form.delivery.address', delivery.address, '收件地址', 5, 200);
}

/** The form, in full (on submit). `now` pins "today" for the birth date in a 身份证号. */
export function checkForm(spec: FormRules, form: ApplicationForm, now: Date): FieldError[] {
  const fields: FieldError[] = [];
  const type = form.applicantType;
  if (type === undefined) {
    push(fields, 'form.applicantType', '请选择申请人类型');
  } else if (!spec.applicantTypes.includes(type)) {
    const allowed = spec.applicantTypes.map((t) => APPLICANT_TYPE_NAMES[t]).join('或');
    push(fields, 'form.applicantType', `本事项只受理${allowed}申请`);
  }
  if (!blank(form.contactMobile) && !isMobileNumber(form.contactMobile ?? '')) {
    push(fields, 'form.contactMobile', '联系电话应为 11 位中国大陆手机号');
  }
  checkText(fields, 'form.address', form.address, '联系地址', 2, 200);
  if (type === 'business') {
    checkText(fields, 'form.companyName', form.companyName, '单位名称', 2, 100);
    const credit = checkCreditCode(form.creditCode ?? '');
    if (!credit.valid) push(fields, 'form.creditCode', credit.reason);
    checkText(fields, 'form.legalRepresentative', form.legalRepresentative, '法定代表人姓名', 2, 30);
    if (blank(form.legalRepresentativeIdNumber)) {
      push(fields, 'form.legalRepresentativeIdNumber', '请填写法定代表人身份证号');
    } else {
      const id = checkIdCardNumber(form.legalRepresentativeIdNumber ?? '', now);
      if (!id.valid) push(fields, 'form.legalRepresentativeIdNumber', `法定代表人${id.reason}`);
    }
  }
  checkDelivery(fields, spec, form.delivery);
  return fields;
}

/**
 * The form as it is kept once submitted: text trimmed, codes upper-cased (the checks accept
 * `x` for `X`), and a person's form without the business fields left over from switching type.
 */
export function normaliseForm(form: ApplicationForm): ApplicationForm {
  const trim = (s: string | undefined) => (s === undefined ? undefined : s.trim());
  const out: ApplicationForm = { ...form, contactMobile: trim(form.contactMobile), address: trim(form.address) };
  if (form.remark !== undefined) out.remark = form.remark.trim();
  if (form.applicantType === 'business') {
    out.companyName = trim(form.companyName);
    out.creditCode = trim(form.creditCode)?.toUpperCase();
    out.legalRepresentative = trim(form.legalRepresentative);
    out.legalRepresentativeIdNumber = trim(form.legalRepresentativeIdNumber)?.toUpperCase();
  } else {
    delete out.companyName;
    delete out.creditCode;
    delete out.legalRepresentative;
    delete out.legalRepresentativeIdNumber;
  }
  if (form.delivery?.method === 'post') {
    const { recipient, mobile, address } = form.delivery;
    out.delivery = { method: 'post', recipient: recipient.trim(), mobile: mobile.trim(), address: address.trim() };
  }
  // Absent stays absent (not `undefined`), so the stored JSON has only what was given.
  for (const key of Object.keys(out) as (keyof ApplicationForm)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** Every required material (必要) of the application is answered. */
export function checkRequiredAnswered(
  spec: Pick<ApplicationSpec, 'materials'>,
  answers: readonly MaterialAnswer[],
): FieldError[] {
  const answered = new Set(answers.map((a) => a.materialId));
  return spec.materials
    .filter((m) => m.necessity === 'required' && !answered.has(m.id))
    .map((m) => ({ field: `materials.${m.id}`, message: `请提交「${m.name}」` }));
}

/** Keeps one message per field (the first), so a material is not reported twice. */
export function firstPerField(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
}

/** Whether an answer actually provides something (an empty file list does not). */
export function answerProvided(answer: MaterialAnswer | undefined): boolean {
  if (!answer) return false;
  if (answer.way === 'files') return answer.fileIds.length > 0;
  return true;
}

/**
 * What the app can tell about the answers before sending them: every required material provided,
 * within its file count, by a way it allows. (Ownership and file types are the gateway's to check.)
 */
export function checkMaterialAnswers(
  materials: readonly MaterialRequirement[],
  answers: readonly MaterialAnswer[],
): FieldError[] {
  const provided = answers.filter(answerProvided);
  const errors = checkRequiredAnswered({ materials: [...materials] }, provided);
  for (const answer of provided) {
    const material = materials.find((m) => m.id === answer.materialId);
    if (!material) continue;
    const field = `materials.${material.id}`;
    const name = `「${material.name}」`;
    if (answer.way === 'files' && answer.fileIds.length > material.maxFiles) {
      errors.push({ field, message: `${name}最多上传 ${material.maxFiles} 个文件` });
    }
    if (answer.way === 'e_licence' && !material.eLicenceAccepted) {
      errors.push({ field, message: `${name}不能用电子证照代替，请上传文件` });
    }
    if (answer.way === 'commitment' && !material.commitmentAllowed) {
      errors.push({ field, message: `${name}不适用告知承诺，请上传文件` });
    }
  }
  return errors;
}
