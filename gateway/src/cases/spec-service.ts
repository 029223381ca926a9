import type {
  ApplicationSpec,
  Guide,
  ItemSummary,
  Material,
  MaterialNecessity,
  MaterialRequirement,
  PrereviewTarget,
} from '../../../types/contract';
import { notFound } from '../http/api-error';
import type { CatalogueStore } from '../store/catalogue-store';
import { MATERIAL_LIMITS } from '../uploads/material-limits';

export const SPEC_MESSAGES = {
  itemNotFound: '没有找到这个事项，它可能已调整或下线',
  themeNotFound: '没有找到这个主题事项，它可能已调整或下线',
} as const;

/** The spec with what the gateway needs beside it. */
export interface ResolvedSpec {
  spec: ApplicationSpec;
  /** The case's item: the item itself, or a theme's first item (its department handles the case). */
  item: ItemSummary;
  materials: Map<string, MaterialRequirement>;
}

const STRENGTH: Record<MaterialNecessity, number> = { optional: 0, conditional: 1, required: 2 };

function requirement(material: Material, itemCodes: string[]): MaterialRequirement {
  return {
    ...material,
    accept: [...MATERIAL_LIMITS.accept],
    maxPdfBytes: MATERIAL_LIMITS.maxPdfBytes,
    maxImageBytes: MATERIAL_LIMITS.maxImageBytes,
    maxFiles: MATERIAL_LIMITS.maxFilesPerMaterial,
    itemCodes,
  };
}

/**
 * One set of materials for several items: merged by id (ids derive from names, so the same
 * material in two items has one id). A material is required if any item requires it, may be
 * replaced by an e-licence or a commitment only if every item asking for it allows that.
 */
function mergeMaterials(guides: Guide[]): MaterialRequirement[] {
  const merged = new Map<string, MaterialRequirement>();
  for (const guide of guides) {
    for (const m of guide.materials) {
      const seen = merged.get(m.id);
      if (!seen) {
        merged.set(m.id, requirement(m, [guide.code]));
        continue;
      }
      if (!seen.itemCodes.includes(guide.code)) seen.itemCodes.push(guide.code);
      if (STRENGTH[m.necessity] > STRENGTH[seen.necessity]) seen.necessity = m.necessity;
      seen.copies = Math.max(seen.copies, m.copies);
      seen.eLicenceAccepted = seen.eLicenceAccepted && m.eLicenceAccepted;
      seen.commitmentAllowed = seen.commitmentAllowed && m.commitmentAllowed;
    }
  }
  return [...merged.values()];
}

function resolved(spec: ApplicationSpec, item: ItemSummary): ResolvedSpec {
  return { spec, item, materials: new Map(spec.materials.map((m) => [m.id, m])) };
}

/** `GET /prereview/items/:code` and `/prereview/themes/:code`: what an application needs. */
export class SpecService {
  constructor(private readonly catalogue: CatalogueStore) {}

  /** The spec, or undefined for an unknown item or theme (or a theme without items). */
  resolve(target: PrereviewTarget): ResolvedSpec | undefined {
    if (target.kind === 'item') {
      const guide = this.catalogue.guide(target.code);
      if (!guide) return undefined;
      const spec: ApplicationSpec = {
        target: { kind: 'item', code: guide.code },
        title: guide.name,
        departmentName: guide.departmentName,
        applicantTypes: [...guide.audiences],
        materials: guide.materials.map((m) => requirement(m, [guide.code])),
        promisedDays: guide.promisedDays,
        postAvailable: guide.channels.includes('post'),
      };
      return resolved(spec, guide);
    }
    const theme = this.catalogue.theme(target.code);
    if (!theme) return undefined;
    const guides = theme.items.map((i) => this.catalogue.guide(i.code)).filter((g): g is Guide => g !== undefined);
    const first = guides[0];
    if (!first) return undefined;
    const spec: ApplicationSpec = {
      target: { kind: 'theme', code: theme.code },
      title: theme.name,
      departmentName: first.departmentName,
      applicantTypes: [...theme.audiences],
      materials: mergeMaterials(guides),
      promisedDays: theme.promisedDays,
      // One result, one delivery: posting only if every item of the bundle can be posted.
      postAvailable: guides.every((g) => g.channels.includes('post')),
    };
    return resolved(spec, first);
  }

  /** As `resolve`, but 404 in words for an unknown target. */
  require(target: PrereviewTarget): ResolvedSpec {
    const found = this.resolve(target);
    if (!found) throw notFound(target.kind === 'item' ? SPEC_MESSAGES.itemNotFound : SPEC_MESSAGES.themeNotFound);
    return found;
  }
}
