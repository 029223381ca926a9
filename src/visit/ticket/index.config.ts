export default definePageConfig({
  navigationBarTitleText: '排队进度',
});
