import type { User } from '../../../types/contract';
import { maskIdNumber, maskMobile, maskName } from '../../../src/lib/mask';
import type { UserRecord } from '../store/user-store';

/** The user as the app sees it: personal data masked, never in full. */
export function userView(record: UserRecord): User {
  const user: User = { id: record.id, realName: { verified: record.verified_at !== null } };
  if (record.mobile) user.mobileMasked = maskMobile(record.mobile);
  if (record.verified_at !== null && record.real_name && record.id_number) {
    user.realName.nameMasked = maskName(record.real_name);
    user.realName.idNumberMasked = maskIdNumber(record.id_number);
  }
  return user;
}
