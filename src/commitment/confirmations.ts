import type { CommitmentConfirmations } from '@contract/commitment';

/** The four things the applicant confirms before signing, in the wording of the notice. */
export const CONFIRMATIONS: ReadonlyArray<{ key: keyof CommitmentConfirmations; label: string }> = [
  { key: 'informed', label: '我已知晓告知书的全部内容' },
  { key: 'qualified', label: '我符合告知书所列的条件' },
  { key: 'truthful', label: '我提供的信息真实、准确、完整' },
  { key: 'acceptVerification', label: '我愿意接受行政机关核查，并承担不实承诺的法律责任' },
];
