export default definePageConfig({
  navigationBarTitleText: '告知承诺',
  pageOrientation: 'auto',
});
