import { Type, type Static } from '@sinclair/typebox';
import { ItemSummary } from './catalogue';

export const FavouriteList = Type.Object({
  items: Type.Array(ItemSummary),
});
export type FavouriteList = Static<typeof FavouriteList>;

export const FavouriteState = Type.Object({
  code: Type.String(),
  favourite: Type.Boolean(),
});
export type FavouriteState = Static<typeof FavouriteState>;
