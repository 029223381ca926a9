// Every icon the app shows comes through here (ESLint enforces it). This module only re-exports,
// and the build declares it free of side effects (config/index.ts): each page's chunk then holds
// the icons that page draws, not every icon listed here. The set-up they need runs from app.tsx
// (icons-setup.ts).
// Imported, then exported as constants, not `export … from`: babel-plugin-import rewrites imports
// (to one file per icon) and the names they bind, not re-exports; a re-export straight from the
// package loads its index, and with it a stylesheet of icon animations (4.6 KB of the weapp main
// package's common.wxss).
import {
  ArrowRight as NutArrowRight,
  Comment as NutComment,
  Edit as NutEdit,
  LocationF as NutLocationF,
  Notice as NutNotice,
  Order as NutOrder,
  Phone as NutPhone,
  Scan as NutScan,
  Search as NutSearch,
  Star as NutStar,
  Store as NutStore,
  User as NutUser,
} from '@nutui/icons-react-taro';

export const ArrowRight = NutArrowRight;
export const Comment = NutComment;
export const Edit = NutEdit;
export const LocationF = NutLocationF;
export const Notice = NutNotice;
export const Order = NutOrder;
export const Phone = NutPhone;
export const Scan = NutScan;
export const Search = NutSearch;
export const Star = NutStar;
export const Store = NutStore;
export const User = NutUser;
