import type { PropsWithChildren } from 'react';

/** A bare Taro + React app: no providers, no styles, no libraries. */
export default function App({ children }: PropsWithChildren) {
  return children;
}
