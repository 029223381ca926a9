// Taro builds use babel-preset-taro; jest (NODE_ENV=test) runs the same sources in Node and jsdom.
// NutUI is imported per component in both, so tests load what the app loads.
const nutuiPerComponent = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    // Per-component CSS: the full stylesheet would add ~200 KB to the main package.
    customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
];

// NutUI's icons one module each, like its components: the package's index also imports its
// stylesheet of eleven icon animations the app never uses (~4 KB in the weapp main package).
// src/ui/icons.scss draws the icon box instead.
const nutuiIconPerImport = [
  'import',
  {
    libraryName: '@nutui/icons-react-taro',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
  },
  'nutui-icons-react-taro',
];

// Taro's React wrappers for its H5 elements are one module (@tarojs/components/lib/react/components.js),
// and webpack keeps a module's used exports app-wide: each page's chunk carried every element any
// page uses (textarea, canvas, switch… on the home page). A query per element makes each import its
// own module instance, so a page's chunk holds only the elements that page draws.
const taroElementPerImport = [
  'import',
  {
    libraryName: '@tarojs/components',
    camel2DashComponentName: false,
    transformToDefaultImport: false,
    customName: (name) => `@tarojs/components/lib/react/components.js?element=${name}`,
  },
  'taro-components',
];

// Targets named here, not only found by babel-preset-taro in the working directory's package.json,
// so every project built with this config (the bench's floor too) compiles to the same language level.
const { browserslist } = require('./package.json');

module.exports = (api) => {
  const platform = api.cache.using(() => process.env.TARO_ENV);
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
      plugins: [nutuiPerComponent, nutuiIconPerImport],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: browserslist }]],
    plugins:
      platform === 'h5'
        ? [nutuiPerComponent, nutuiIconPerImport, taroElementPerImport]
        : [nutuiPerComponent, nutuiIconPerImport],
  };
};
