// Taro builds use babel-preset-taro; jest (NODE_ENV=test) runs the same sources in Node and jsdom.
module.exports = (api) => {
  const isTest = api.env('test');
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
    plugins: [
      [
        'import',
        {
          libraryName: '@nutui/nutui-react-taro',
          camel2DashComponentName: false,
          customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
          // Per-component CSS: the full stylesheet would add ~200 KB to the main package.
          customStyleName: (name) =>
            `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
        },
        'nutui-react-taro',
      ],
    ],
  };
};
