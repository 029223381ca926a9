import type {
  AdminCaseAction,
  ApplicationForm,
  CaseDetail,
  MaterialAnswer,
  MaterialFileType,
  MaterialRequirement,
} from '../../../types/contract';
import { RESIDENT_ID_LICENCE_ID } from '../cases/licence-wallet';
import { demoMaterialFile } from './demo-files';
import { DEMO_LABEL, DEMO_OFFICER, type DemoResident } from './demo-residents';
import type { DemoServices } from './demo-services';

/** What a demo application answers a material with instead of a file. */
export type SpecialAnswer = { way: 'commitment'; commitmentId: string } | { way: 'skip' };

/** Preferred file type for a material's demo file: a PDF scan when taken, else a photo. */
const FILE_PREFERENCE: readonly MaterialFileType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * One demo resident acting in the app's place: every step goes through the same service call the
 * API route would make, so the rules (real name, materials, workflow) hold for demo history too.
 */
export class DemoApplicant {
  private submissions = 0;

  constructor(
    private readonly s: DemoServices,
    readonly resident: DemoResident,
    readonly userId: string,
  ) {}

  /** The form a person fills in: their own mobile and a Hongshan address; 邮寄 to themself when asked. */
  form(delivery: 'pickup' | 'post'): ApplicationForm {
    const address = '武汉市洪山区珞喻路 1037 号（演示地址）';
    return {
      applicantType: 'person',
      contactMobile: this.resident.mobile,
      address,
      delivery:
        delivery === 'post'
          ? { method: 'post', recipient: this.resident.name, mobile: this.resident.mobile, address }
          : { method: 'pickup' },
    };
  }

  /** A material file uploaded now, of a type the material accepts. */
  uploadFor(material: MaterialRequirement): string {
    const mime = FILE_PREFERENCE.find((type) => material.accept.includes(type)) ?? material.accept[0];
    const file = demoMaterialFile(mime, material.name);
    return this.s.uploads.accept(this.userId, 'material', file.bytes, file.name).id;
  }

  /**
   * An answer for each required material: the 居民身份证 e-licence where it stands for the material,
   * `special` answers where given, an uploaded file otherwise.
   */
  answers(materials: MaterialRequirement[], special: Record<string, SpecialAnswer> = {}): MaterialAnswer[] {
    const out: MaterialAnswer[] = [];
    for (const m of materials) {
      const given = special[m.name];
      if (given?.way === 'skip' || (m.necessity !== 'required' && !given)) continue;
      if (given?.way === 'commitment') {
        out.push({ materialId: m.id, way: 'commitment', commitmentId: given.commitmentId });
      } else if (m.eLicenceAccepted && m.name.includes('居民身份证')) {
        out.push({ materialId: m.id, way: 'e_licence', licenceId: RESIDENT_ID_LICENCE_ID });
      } else {
        out.push({ materialId: m.id, way: 'files', fileIds: [this.uploadFor(m)] });
      }
    }
    return out;
  }

  /** Starts (or finds) the draft for an item, as opening its application page does. */
  start(itemCode: string): CaseDetail {
    return this.s.prereview.start(this.userId, { kind: 'item', code: itemCode });
  }

  /** Starts an application and submits it, complete, at the clock's time. */
  apply(itemCode: string, delivery: 'pickup' | 'post', special: Record<string, SpecialAnswer> = {}): CaseDetail {
    const draft = this.start(itemCode);
    return this.submit(draft, delivery, special);
  }

  submit(draft: CaseDetail, delivery: 'pickup' | 'post', special: Record<string, SpecialAnswer> = {}): CaseDetail {
    this.submissions += 1;
    // Deterministic keys: a repeated seeding step answers with the stored result instead of submitting twice.
    const key = `demo-${this.resident.key}-${draft.id}-${this.submissions}`;
    return this.s.prereview.submit(this.userId, draft.id, key, {
      form: this.form(delivery),
      materials: this.answers(this.specOf(draft), special),
    });
  }

  /** The materials an application needs (from the item's spec, as the app reads it). */
  specOf(draft: CaseDetail): MaterialRequirement[] {
    const target = draft.target ?? { kind: 'item' as const, code: draft.itemCode };
    return this.s.specs.require(target).spec.materials;
  }

  /** An officer's step on a case, recorded under the demo officer with a demo-labelled note. */
  officer(caseId: string, action: AdminCaseAction): void {
    const note = action.action === 'post' ? action.note : `${DEMO_LABEL}${action.note ?? ''}`;
    this.s.officerCases.act(caseId, { ...action, note }, DEMO_OFFICER);
  }
}
