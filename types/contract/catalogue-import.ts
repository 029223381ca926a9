import { Type, type Static } from '@sinclair/typebox';
import { Audience, Channel, GuideStep, Faq, MaterialForm, MaterialNecessity, TongbanScope } from './catalogue';

/**
 * The catalogue import format (`npm run gateway:import -- FILE`): departments → items.
 * Only `code` and `name` are required on an item; every guide field is optional and defaults to
 * "unknown / not stated". Re-importing the same file changes nothing (upsert by code; an item whose
 * content is unchanged keeps its `updatedAt`).
 */
export const ImportMaterial = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    form: Type.Optional(MaterialForm),
    copies: Type.Optional(Type.Integer({ minimum: 0, maximum: 99 })),
    necessity: Type.Optional(MaterialNecessity),
    reviewPoints: Type.Optional(Type.String({ maxLength: 2000 })),
    source: Type.Optional(Type.String({ maxLength: 100 })),
    eLicenceAccepted: Type.Optional(Type.Boolean()),
    commitmentAllowed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ImportMaterial = Static<typeof ImportMaterial>;

export const ImportItem = Type.Object(
  {
    /** Stable 事项编码, URL-safe: letters, digits, `-`. */
    code: Type.String({ pattern: '^[A-Za-z0-9-]{3,64}$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    // Each alias is a searchable text in the gateway's memory: a bound keeps a big file's index in bounds.
    aliases: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 30 })),
    audiences: Type.Optional(Type.Array(Audience, { minItems: 1 })),
    itemType: Type.Optional(Type.String({ maxLength: 50 })),
    legalDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    promisedDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    visits: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    fee: Type.Optional(Type.String({ maxLength: 500 })),
    channels: Type.Optional(Type.Array(Channel)),
    fullyOnline: Type.Optional(Type.Boolean()),
    maxOneVisit: Type.Optional(Type.Boolean()),
    scope: Type.Optional(TongbanScope),
    conditionsHtml: Type.Optional(Type.String({ maxLength: 20000 })),
    materials: Type.Optional(Type.Array(ImportMaterial)),
    steps: Type.Optional(Type.Array(GuideStep)),
    legalBasisHtml: Type.Optional(Type.String({ maxLength: 20000 })),
    faqs: Type.Optional(Type.Array(Faq)),
    phone: Type.Optional(Type.String({ maxLength: 50 })),
    /** Ids of halls (see the halls seed) where the item is handled. */
    hallIds: Type.Optional(Type.Array(Type.String())),
    /** Popularity weight for 热门事项 and tie-breaks in ranking; higher is hotter. */
    popularity: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type ImportItem = Static<typeof ImportItem>;

export const ImportDepartment = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{2,64}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shortName: Type.String({ minLength: 1, maxLength: 20 }),
    items: Type.Array(ImportItem),
  },
  { additionalProperties: false },
);
export type ImportDepartment = Static<typeof ImportDepartment>;

export const CatalogueImport = Type.Object(
  {
    /** Format version; this document describes version 1. */
    version: Type.Literal(1),
    departments: Type.Array(ImportDepartment),
  },
  { additionalProperties: false },
);
export type CatalogueImport = Static<typeof CatalogueImport>;
