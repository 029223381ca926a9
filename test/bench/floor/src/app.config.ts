export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '洪山掌上办' },
});
