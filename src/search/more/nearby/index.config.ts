export default definePageConfig({
  navigationBarTitleText: '就近办',
});
