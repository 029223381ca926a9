import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

const FEATURES = ['search', 'me', 'rating', 'commitment', 'prereview', 'visit'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'test/bench/results/**',
      'test/bench/floor/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The build swaps axios's status-name table for an empty object (config/axios-status-codes-stub.js).
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='HttpStatusCode'], MemberExpression[property.name='HttpStatusCode']",
          message: 'The build leaves axios.HttpStatusCode empty: compare status numbers.',
        },
      ],
    },
  },
  // Import direction: lib ← core ← ui ← features ← app. Features never import each other.
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@tarojs/*', 'react', '@/core/*', '@/ui/*', ...FEATURES.map((f) => `@/${f}/*`)] },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nutui/*', '@/ui/*', ...FEATURES.map((f) => `@/${f}/*`)] }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: FEATURES.map((f) => `@/${f}/*`) }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: FEATURES.filter((f) => f !== feature).flatMap((f) => [`@/${f}/*`, `../../${f}/*`, `../${f}/*`]),
          // Icons come through src/ui/icons.ts, which makes them drawable on the mini-programs.
          paths: [{ name: '@nutui/icons-react-taro', message: "Import icons from '@/ui/icons'." }],
        },
      ],
    },
  })),
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.config.ts', 'src/app.config.ts'],
    languageOptions: { globals: { definePageConfig: 'readonly', defineAppConfig: 'readonly' } },
  },
  prettier,
);
