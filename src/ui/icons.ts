// Every icon the app shows comes through here (ESLint enforces it). This module only re-exports,
// and the build declares it free of side effects (config/index.ts): each page's chunk then holds
// the icons that page draws, not every icon listed here. The set-up they need runs from app.tsx
// (icons-setup.ts).
export { ArrowRight, Comment, Edit, LocationF, Notice, Order, Scan, Search, Star, User } from '@nutui/icons-react-taro';
