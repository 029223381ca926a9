// Every icon the app shows comes through here (ESLint enforces it), each re-exported from its own
// file: this module is declared free of side effects (config/index.ts), so a page's chunk holds
// the icons that page draws, not every icon listed here. Not `export { … } from` the package:
// babel-plugin-import rewrites imports only, and the package's index brings a stylesheet of icon
// animations (4.6 KB of the weapp main package); nor imported and exported as constants, which
// webpack kept in every chunk that drew any icon (twelve icons, ~6 KB gzip on each H5 page).
// The set-up they need runs from app.tsx (icons-setup.ts).
export { default as ArrowRight } from '@nutui/icons-react-taro/dist/es/icons/ArrowRight.js';
export { default as Comment } from '@nutui/icons-react-taro/dist/es/icons/Comment.js';
export { default as Edit } from '@nutui/icons-react-taro/dist/es/icons/Edit.js';
export { default as LocationF } from '@nutui/icons-react-taro/dist/es/icons/LocationF.js';
export { default as Notice } from '@nutui/icons-react-taro/dist/es/icons/Notice.js';
export { default as Order } from '@nutui/icons-react-taro/dist/es/icons/Order.js';
export { default as Phone } from '@nutui/icons-react-taro/dist/es/icons/Phone.js';
export { default as Scan } from '@nutui/icons-react-taro/dist/es/icons/Scan.js';
export { default as Search } from '@nutui/icons-react-taro/dist/es/icons/Search.js';
export { default as Star } from '@nutui/icons-react-taro/dist/es/icons/Star.js';
export { default as Store } from '@nutui/icons-react-taro/dist/es/icons/Store.js';
export { default as User } from '@nutui/icons-react-taro/dist/es/icons/User.js';
