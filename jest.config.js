// One jest run, several projects: each folder under test/ is one kind of test.
const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(m?js|jsx|tsx?)$': 'babel-jest' },
  // Taro's H5 runtime, its router and NutUI ship ESM (nested packages too): transform everything.
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contract$': '<rootDir>/types/contract/index.ts',
    '^@contract/(.*)$': '<rootDir>/types/contract/$1',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/components-setup.ts'],
      moduleNameMapper: {
        // First: a stylesheet imported by alias ('@/ui/field.scss') is a stylesheet, not a source file.
        '\\.(css|scss|sass|less)$': '<rootDir>/test/support/style-stub.js',
        ...shared.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/support/taro-h5-with-hooks.ts',
        '^@tarojs/components$': '@tarojs/components/lib/react',
      },
    },
    {
      ...shared,
      displayName: 'gateway',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/gateway/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/gateway/support/setup.ts'],
    },
    {
      ...shared,
      displayName: 'build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/build/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'mini',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/mini/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/mini/support/setup.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'],
    },
  ],
};
