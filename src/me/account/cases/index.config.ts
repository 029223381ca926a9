export default definePageConfig({
  navigationBarTitleText: '我的办件',
  enablePullDownRefresh: true,
});
