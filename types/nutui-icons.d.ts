// The icon set's configure function and its icons, imported from their own files (see
// src/ui/icons.ts and icons-setup.ts); their types are the package's own.
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export { configure } from '@nutui/icons-react-taro';
}

// One icon, from its own file (see src/ui/icons.ts): typed as the package types its named exports.
declare module '@nutui/icons-react-taro/dist/es/icons/*.js' {
  import type { ArrowRight } from '@nutui/icons-react-taro';
  const Icon: typeof ArrowRight;
  export default Icon;
}
