import type { Audience, MaterialForm, MaterialNecessity } from '../../types/contract';

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** 承诺时限 / 法定时限 label: 0 → '即办', n → 'n个工作日'. '' for values that are not a day count. */
export function formatTimeLimit(days: number): string {
  if (!Number.isInteger(days) || days < 0) return '';
  return days === 0 ? '即办' : `${days}个工作日`;
}

/** '周一' … '周日' for an ISO weekday 1–7 (shared with the opening-hours text). */
export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? '';
}

const AUDIENCE_NAMES: Record<Audience, string> = { person: '个人', business: '法人' };

/** 服务对象 in words: ['person', 'business'] → '个人/法人' (or with another separator). */
export function formatAudiences(audiences: readonly Audience[], separator = '/'): string {
  return audiences.map((a) => AUDIENCE_NAMES[a]).join(separator);
}

const MATERIAL_FORM_NAMES: Record<MaterialForm, string> = { original: '原件', copy: '复印件', electronic: '电子' };
const MATERIAL_NECESSITY_NAMES: Record<MaterialNecessity, string> = {
  required: '必要',
  optional: '非必要',
  conditional: '视情况提供',
};

/** A material's 原件/复印件/电子 · 份数 · 必要性, as the guide and the application card show it. */
export function formatMaterialTerms(material: {
  form: MaterialForm;
  copies: number;
  necessity: MaterialNecessity;
}): string {
  const copies = material.copies > 0 ? `${material.copies}份` : '份数不限';
  return `${MATERIAL_FORM_NAMES[material.form]} · ${copies} · ${MATERIAL_NECESSITY_NAMES[material.necessity]}`;
}

/** 1536 → '1.5 KB'; 5 * 1024 * 1024 → '5.0 MB'. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
