import type { ELicence, FieldError } from '../../../types/contract';
import { checkCreditCode } from '../../../src/lib/credit-code';
import { maskIdNumber, maskName } from '../../../src/lib/mask';
import { toChinaDate } from '../../../src/lib/workdays';
import { notFound, validationFailed } from '../http/api-error';
import type { LicenceRow, LicenceStore } from '../store/licence-store';
import type { UserStore } from '../store/user-store';

/** The 居民身份证 e-licence every verified user holds (derived from the real-name record). */
export const RESIDENT_ID_LICENCE_ID = 'resident-id-card';
export const RESIDENT_ID_LICENCE_NAME = '居民身份证';

export interface LicenceWalletDeps {
  users: UserStore;
  licences: LicenceStore;
  now: () => Date;
}

export interface IssueLicenceInput {
  userId: string;
  name: string;
  holder: string;
  number: string;
  issuer: string;
  validUntil?: string;
}

/**
 * A person's name is masked like everywhere else; a longer holder is an organisation, whose name
 * is public (企业信用信息公示) and is what the user needs to tell two licences apart.
 */
function maskHolder(holder: string): string {
  return Array.from(holder.trim()).length <= 4 ? maskName(holder) : holder.trim();
}

function fromRow(row: LicenceRow): ELicence {
  const licence: ELicence = {
    id: row.id,
    name: row.name,
    holderMasked: maskHolder(row.holder),
    numberMasked: maskIdNumber(row.number),
    issuer: row.issuer,
  };
  if (row.valid_until !== null) licence.validUntil = row.valid_until;
  return licence;
}

const length = (s: string): number => Array.from(s.trim()).length;

/** 电子证照: what the user can attach instead of a photo of the paper licence. */
export class LicenceWallet {
  constructor(private readonly deps: LicenceWalletDeps) {}

  /** The wallet: empty until the user is real-name verified; expired licences are left out. */
  list(userId: string): ELicence[] {
    const user = this.deps.users.get(userId);
    if (!user || user.verified_at === null || !user.real_name || !user.id_number) return [];
    const today = toChinaDate(this.deps.now());
    const idCard: ELicence = {
      id: RESIDENT_ID_LICENCE_ID,
      name: RESIDENT_ID_LICENCE_NAME,
      holderMasked: maskName(user.real_name),
      numberMasked: maskIdNumber(user.id_number),
      issuer: '公安机关',
    };
    const issued = this.deps.licences
      .listForUser(userId)
      .filter((row) => row.valid_until === null || row.valid_until >= today)
      .map(fromRow);
    return [idCard, ...issued];
  }

  /** One licence of the user's wallet, if it is (still) there. */
  find(userId: string, id: string): ELicence | undefined {
    return this.list(userId).find((l) => l.id === id);
  }

  /** Officers: puts a licence (e.g. 营业执照) into a user's wallet. */
  issue(input: IssueLicenceInput, officer: string): ELicence {
    if (!this.deps.users.get(input.userId)) throw notFound('没有找到这个用户');
    const fields: FieldError[] = [];
    if (length(input.name) < 2 || length(input.name) > 30)
      fields.push({ field: 'name', message: '证照名称应为 2–30 个字' });
    if (length(input.holder) < 2 || length(input.holder) > 100) {
      fields.push({ field: 'holder', message: '持证主体应为 2–100 个字' });
    }
    if (!/^[0-9A-Za-z-]{4,40}$/.test(input.number.trim())) {
      fields.push({ field: 'number', message: '证照编号应为 4–40 位字母或数字' });
    } else if (input.name.trim() === '营业执照') {
      const check = checkCreditCode(input.number);
      if (!check.valid) fields.push({ field: 'number', message: check.reason });
    }
    if (length(input.issuer) < 2 || length(input.issuer) > 50) {
      fields.push({ field: 'issuer', message: '发证机关应为 2–50 个字' });
    }
    if (input.validUntil !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil)) {
      fields.push({ field: 'validUntil', message: '有效期应写成 YYYY-MM-DD' });
    }
    if (fields.length > 0) throw validationFailed(fields);
    const row = this.deps.licences.insert(
      {
        userId: input.userId,
        name: input.name.trim(),
        holder: input.holder.trim(),
        number: input.number.trim().toUpperCase(),
        issuer: input.issuer.trim(),
        validUntil: input.validUntil,
        issuedBy: `officer:${officer}`,
      },
      this.deps.now().getTime(),
    );
    return fromRow(row);
  }
}
