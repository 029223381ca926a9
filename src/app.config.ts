/** The native tab bars take bitmaps only; a browser draws vectors. */
const TAB_ICON = process.env.TARO_ENV === 'h5' ? 'svg' : 'png';

export default defineAppConfig({
  pages: ['search/home/index', 'search/results/index', 'me/index/index'],
  // The main package holds only the tabs: it is what every cold start downloads. Everything else
  // loads on demand, preloaded from the pages that lead to it. The guide is a subpackage of its own
  // (its path stays search/guide/index): a shared link to it fetches main + guide, no more than when
  // it sat in main, and every other start skips its HTML sanitiser.
  subPackages: [
    { root: 'search/guide', pages: ['index'] },
    { root: 'search/more', pages: ['theme/index', 'nearby/index'] },
    {
      root: 'me/account',
      pages: ['login/index', 'favourites/index', 'real-name/index', 'privacy/index', 'cases/index', 'messages/index'],
    },
    {
      root: 'rating',
      pages: ['case/index', 'window/index', 'mine/index', 'detail/index', 'stats/index'],
    },
    {
      root: 'commitment',
      pages: ['notice/index', 'receipt/index', 'mine/index'],
    },
    {
      root: 'prereview',
      pages: ['apply/index', 'case/index'],
    },
    { root: 'visit', pages: ['book/index', 'mine/index', 'ticket/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fa8',
    navigationBarTitleText: '洪山掌上办',
    navigationBarTextStyle: 'white',
  },
  preloadRule: {
    'search/home/index': { network: 'all', packages: ['search/guide', 'search/more'] },
    'search/results/index': { network: 'all', packages: ['search/guide'] },
    'search/guide/index': { network: 'all', packages: ['prereview'] },
    'me/index/index': { network: 'all', packages: ['me/account'] },
  },
  tabBar: {
    color: '#4a5568',
    selectedColor: '#1f5fa8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // NutUI's Home, Order and User icons, drawn by config/render-tab-bar-icons.ts: PNG for the
      // native tab bars, SVG on H5 (smaller, and inlined into its first script).
      {
        pagePath: 'search/home/index',
        text: '首页',
        iconPath: `assets/tab-bar/home.${TAB_ICON}`,
        selectedIconPath: `assets/tab-bar/home-selected.${TAB_ICON}`,
      },
      {
        pagePath: 'search/results/index',
        text: '办事',
        iconPath: `assets/tab-bar/services.${TAB_ICON}`,
        selectedIconPath: `assets/tab-bar/services-selected.${TAB_ICON}`,
      },
      {
        pagePath: 'me/index/index',
        text: '我的',
        iconPath: `assets/tab-bar/me.${TAB_ICON}`,
        selectedIconPath: `assets/tab-bar/me-selected.${TAB_ICON}`,
      },
    ],
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的办事大厅和自助终端' },
  },
  __usePrivacyCheck__: true,
});
