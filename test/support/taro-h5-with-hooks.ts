// Component tests render components outside any Taro page: there is no page to scroll, show or
// reach the bottom of, so the page-event hooks (which the app gets from Taro's React runtime at
// build time, and which need a page around them) are inert here. Behaviour that depends on them
// (windowed lists, infinite scroll) is covered by the browser e2e tests.
import Taro from '@tarojs/taro-h5';

export * from '@tarojs/taro-h5';

const pageEvent = (): void => undefined;
export const usePageScroll = pageEvent;
export const useReachBottom = pageEvent;
export const useDidShow = pageEvent;
export const useDidHide = pageEvent;
export const usePullDownRefresh = pageEvent;
export const useShareAppMessage = pageEvent;
export const useRouter = (): { params: Record<string, string | undefined> } => ({ params: {} });
export default Taro;
