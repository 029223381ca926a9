// The icon set's configure function, imported from its own file (see src/ui/icons.ts); its types
// are the package's own.
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export { configure } from '@nutui/icons-react-taro';
}
