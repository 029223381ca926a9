import type { FieldError, MaterialAnswer, MaterialRequirement } from '../../../types/contract';
export { checkForm, checkRequiredAnswered, firstPerField, normaliseForm } from '../../../src/lib/application-check';

/**
 * The checks of an application that need the user's records (whose file, licence, commitment):
 * field errors (`materials.<materialId>`) like the form rules, which live in
 * src/lib/application-check.ts so the app applies the same ones as the user types. Drafts get only
 * the structural checks (nothing typed is refused); submitting gets all of them.
 */

const ACCEPT_NAMES: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/** Answers that point at things the user does not own: resolved by the caller's stores. */
export interface AnswerLookups {
  /** The user's own upload of purpose `material`, if it is one. */
  materialFile(id: string): { mime: string } | undefined;
  /** A licence in the user's wallet. */
  licence(id: string): { name: string } | undefined;
  /** The user's own commitment, with its current status. */
  commitment(id: string): { itemCode: string; materialName: string; caseId: string | null; status: string } | undefined;
}

function push(fields: FieldError[], field: string, message: string): void {
  fields.push({ field, message });
}

const field = (answer: MaterialAnswer): string => `materials.${answer.materialId}`;

/**
 * Structure and ownership of the answers (drafts and submissions alike): each names a material of
 * the application at most once, and every file, licence and commitment is the user's own. Someone
 * else's file is reported exactly like one that does not exist.
 */
export function checkAnswerRefs(
  materials: ReadonlyMap<string, MaterialRequirement>,
  answers: MaterialAnswer[],
  lookups: AnswerLookups,
): FieldError[] {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const material = materials.get(answer.materialId);
    if (!material) {
      push(fields, field(answer), `本事项不需要这项材料（${answer.materialId}）`);
      continue;
    }
    if (seen.has(answer.materialId)) {
      push(fields, field(answer), `「${material.name}」只能提交一次`);
      continue;
    }
    seen.add(answer.materialId);
    if (answer.way === 'files') {
      if (answer.fileIds.some((id) => !lookups.materialFile(id))) {
        push(fields, field(answer), `「${material.name}」的文件不存在或已失效，请重新上传`);
      } else if (new Set(answer.fileIds).size !== answer.fileIds.length) {
        push(fields, field(answer), `「${material.name}」包含重复的文件`);
      }
    } else if (answer.way === 'e_licence') {
      if (!lookups.licence(answer.licenceId))
        push(fields, field(answer), `「${material.name}」所选的电子证照不在您的证照夹中`);
    } else if (!lookups.commitment(answer.commitmentId)) {
      push(fields, field(answer), `「${material.name}」所选的告知承诺不存在`);
    }
  }
  return fields;
}

/** The rules of one material's answer beyond ownership (on submit and resubmit). */
function checkAnswerRules(
  material: MaterialRequirement,
  answer: MaterialAnswer,
  lookups: AnswerLookups,
  caseId: string,
): string | undefined {
  const name = `「${material.name}」`;
  if (answer.way === 'files') {
    if (answer.fileIds.length === 0) return `${name}请至少上传 1 个文件`;
    if (answer.fileIds.length > material.maxFiles) return `${name}最多上传 ${material.maxFiles} 个文件`;
    const accepted: readonly string[] = material.accept;
    if (answer.fileIds.some((id) => !accepted.includes(lookups.materialFile(id)?.mime ?? ''))) {
      return `${name}只接受 ${material.accept.map((m) => ACCEPT_NAMES[m] ?? m).join('、')} 文件`;
    }
    return undefined;
  }
  if (answer.way === 'e_licence') {
    if (!material.eLicenceAccepted) return `${name}不能用电子证照代替，请上传文件`;
    const licence = lookups.licence(answer.licenceId);
    // A licence stands for the material that names it (居民身份证 for 法定代表人居民身份证, not for 户口簿).
    if (licence && !material.name.includes(licence.name)) return `${name}不能用「${licence.name}」电子证照代替`;
    return undefined;
  }
  if (!material.commitmentAllowed) return `${name}不适用告知承诺，请上传文件`;
  const commitment = lookups.commitment(answer.commitmentId);
  if (!commitment) return undefined;
  if (commitment.status === 'withdrawn') return `${name}所选的告知承诺已撤回，请重新签署`;
  if (commitment.status === 'false') return `${name}所选的告知承诺经核查不实，不能使用`;
  if (!material.itemCodes.includes(commitment.itemCode) || commitment.materialName !== material.name) {
    return `${name}所选的告知承诺不是为这项材料签署的`;
  }
  if (commitment.caseId !== null && commitment.caseId !== caseId) return `${name}所选的告知承诺已用于另一个办件`;
  return undefined;
}

/** Each answer's rules (after `checkAnswerRefs` found them all known and owned). */
export function checkAnswerRulesAll(
  materials: ReadonlyMap<string, MaterialRequirement>,
  answers: MaterialAnswer[],
  lookups: AnswerLookups,
  caseId: string,
): FieldError[] {
  const fields: FieldError[] = [];
  for (const answer of answers) {
    const material = materials.get(answer.materialId);
    const message = material && checkAnswerRules(material, answer, lookups, caseId);
    if (message) push(fields, field(answer), message);
  }
  return fields;
}
