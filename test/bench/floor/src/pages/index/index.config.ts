export default definePageConfig({ navigationBarTitleText: '洪山掌上办' });
