export default definePageConfig({
  navigationBarTitleText: '评价窗口服务',
});
