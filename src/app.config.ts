export default defineAppConfig({
  pages: [
    'search/home/index',
    'search/results/index',
    'search/guide/index',
    'search/theme/index',
    'search/nearby/index',
    'me/index/index',
    'me/login/index',
    'me/favourites/index',
    'me/real-name/index',
    'me/privacy/index',
    'me/cases/index',
  ],
  subPackages: [
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
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f5fa8',
    navigationBarTitleText: '洪山掌上办',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#4a5568',
    selectedColor: '#1f5fa8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'search/home/index', text: '首页' },
      { pagePath: 'search/results/index', text: '办事' },
      { pagePath: 'me/index/index', text: '我的' },
    ],
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的办事大厅和自助终端' },
  },
  __usePrivacyCheck__: true,
});
