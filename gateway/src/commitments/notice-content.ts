import { Type, type Static } from '@sinclair/typebox';
import { CommitmentNotice } from '../../../types/contract';
import type { SeedNoticeTerm } from '../seed/seed-schema';
import { canonicalJson, sha256Hex } from './canonical-json';

/** The fields of a notice that its hash covers: all but id, version, contentHash and publishedAt. */
export const NoticeContent = Type.Omit(CommitmentNotice, ['id', 'version', 'contentHash', 'publishedAt']);
export type NoticeContent = Static<typeof NoticeContent>;

/** Hex SHA-256 of the canonical JSON of the content fields (extra keys are never hashed). */
export function noticeContentHash(content: NoticeContent): string {
  return sha256Hex(canonicalJson(pickContent(content)));
}

/** Only the content fields, in a fresh object (a whole CommitmentNotice may be passed). */
export function pickContent(notice: NoticeContent): NoticeContent {
  return {
    itemCode: notice.itemCode,
    itemName: notice.itemName,
    departmentName: notice.departmentName,
    materialId: notice.materialId,
    materialName: notice.materialName,
    condition: notice.condition,
    method: notice.method,
    consequences: [...notice.consequences],
    verification: notice.verification,
    cooperation: notice.cooperation,
    legalBasis: notice.legalBasis,
  };
}

/** A notice's id: stable for an item and material, whatever the database. */
export function noticeId(itemCode: string, materialId: string): string {
  return `ntc-${sha256Hex(`${itemCode}\u0000${materialId}`).slice(0, 20)}`;
}

export const GUOBAN_42 =
  '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）';

export const COMMITMENT_METHOD = '书面承诺（在线签署）';

/** 不实承诺的法律后果 (国办发〔2020〕42号 “加强事中事后核查” and “加大失信惩戒力度”). */
export const STANDARD_CONSEQUENCES: readonly string[] = [
  '在办理过程中发现承诺不实的，行政机关终止办理该事项，申请人应当按规定提交证明材料后重新申请。',
  '作出决定后发现承诺不实或者未履行承诺的，责令限期整改；逾期不整改或者整改后仍不符合条件的，依法撤销已作出的决定，由此产生的一切后果由申请人承担。',
  '以欺骗等不正当手段取得相关决定的，依法予以行政处罚；涉嫌犯罪的，依法移送司法机关追究刑事责任。',
  '将不实承诺信息记入信用记录，并推送至全国和湖北省信用信息共享平台，依法向社会公开。',
  '对作出不实承诺的申请人依法实施失信惩戒；被列为严重失信主体的，在信用修复前不再适用告知承诺制。',
];

export const STANDARD_COOPERATION =
  '申请人有义务配合行政机关的核查：如实提供核查所需的资料和信息，按约定时间接受现场核查并允许核查人员进入相关场所；无正当理由拒绝、阻碍或者拖延核查的，视同承诺不实。';

/** Material-specific wording written by hand (gateway/seed/notices.ts); `{item}` and `{dept}` are filled in. */
export type NoticeTerm = SeedNoticeTerm;

export interface NoticeSubject {
  itemCode: string;
  itemName: string;
  departmentName: string;
  /** The item's 设定依据 as stored (HTML, one law per paragraph). */
  itemLegalBasisHtml: string;
  materialId: string;
  materialName: string;
}

/** The first law of the item's 设定依据, as plain text (tags dropped), or '' when there is none. */
export function firstLaw(legalBasisHtml: string): string {
  const first = legalBasisHtml
    .split(/<\/p>|<br\s*\/?>|\n/i)
    .map((part) =>
      part
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .trim(),
    )
    .find((part) => part !== '');
  return first ?? '';
}

function fill(text: string, subject: NoticeSubject): string {
  return text.replace(/\{item\}/g, subject.itemName).replace(/\{dept\}/g, subject.departmentName);
}

/** The term for a material (an item-specific one first), if the seed has one. */
export function termFor(terms: readonly NoticeTerm[], subject: NoticeSubject): NoticeTerm | undefined {
  const matching = terms.filter((t) => t.material === subject.materialName);
  return (
    matching.find((t) => t.itemCodes?.includes(subject.itemCode)) ?? matching.find((t) => t.itemCodes === undefined)
  );
}

/**
 * The text of a notice (告知书) as 国办发〔2020〕42号 asks: the condition replacing the proof, the
 * method, the consequences of a false commitment, the agency's verification, the applicant's duty
 * to cooperate, and the legal basis (42号 and the item's own law).
 */
export function composeNotice(subject: NoticeSubject, term: NoticeTerm | undefined): NoticeContent {
  const condition = term
    ? fill(term.condition, subject)
    : `申请人承诺已具备“${subject.materialName}”所证明的事项和条件，符合“${subject.itemName}”的办理要求，所承诺的内容真实、准确、完整。`;
  const verification = term
    ? fill(term.verification, subject)
    : `${subject.departmentName}自作出决定之日起 30 个工作日内，通过部门间数据共享比对、函询有关单位或者现场核查的方式，对承诺内容进行核查。`;
  const law = firstLaw(subject.itemLegalBasisHtml);
  return {
    itemCode: subject.itemCode,
    itemName: subject.itemName,
    departmentName: subject.departmentName,
    materialId: subject.materialId,
    materialName: subject.materialName,
    condition,
    method: COMMITMENT_METHOD,
    consequences: [...STANDARD_CONSEQUENCES],
    verification,
    cooperation: STANDARD_COOPERATION,
    legalBasis: law && law !== GUOBAN_42 ? `${GUOBAN_42}；${law}` : GUOBAN_42,
  };
}
