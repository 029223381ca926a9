import { Type, type Static } from '@sinclair/typebox';
import { Audience, ItemSummary, TongbanScope } from './catalogue';

export const SEARCH_QUERY_MAX_LENGTH = 50;
export const SEARCH_PAGE_SIZE_MAX = 50;

export const SearchQuery = Type.Object(
  {
    /** Free text: characters, full pinyin or initials. Empty = browse with the filters. */
    q: Type.Optional(Type.String({ maxLength: 500 })),
    audience: Type.Optional(Audience),
    department: Type.Optional(Type.String({ maxLength: 64 })),
    fullyOnline: Type.Optional(Type.Boolean()),
    scope: Type.Optional(TongbanScope),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_PAGE_SIZE_MAX })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

/** Which field made the item match; ranking is name > alias > department > material. */
export const MatchField = Type.Union([
  Type.Literal('name'),
  Type.Literal('alias'),
  Type.Literal('department'),
  Type.Literal('material'),
  Type.Literal('none'),
]);
export type MatchField = Static<typeof MatchField>;

/** Half-open [start, end) ranges in UTF-16 code units of the text they belong to. */
export const HighlightRange = Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]);
export type HighlightRange = Static<typeof HighlightRange>;

export const SearchHit = Type.Object({
  item: ItemSummary,
  matchedField: MatchField,
  /** Ranges in `item.name` to highlight. */
  nameHighlights: Type.Array(HighlightRange),
  /** When the match was not on the name: the alias / department / material text that matched. */
  matchedText: Type.Optional(Type.String()),
  matchedTextHighlights: Type.Optional(Type.Array(HighlightRange)),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({
  /** The query as the gateway understood it (trimmed, truncated). */
  q: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  hits: Type.Array(SearchHit),
  /** A notice to show the user, e.g. that an over-long query was shortened. */
  notice: Type.Optional(Type.String()),
});
export type SearchResult = Static<typeof SearchResult>;

export const SuggestQuery = Type.Object({ q: Type.String({ maxLength: 500 }) }, { additionalProperties: false });
export type SuggestQuery = Static<typeof SuggestQuery>;

export const Suggestion = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameHighlights: Type.Array(HighlightRange),
});
export type Suggestion = Static<typeof Suggestion>;

export const SuggestResult = Type.Object({
  suggestions: Type.Array(Suggestion),
});
export type SuggestResult = Static<typeof SuggestResult>;
