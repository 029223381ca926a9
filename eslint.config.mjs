import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test/bench/results/**', 'test/bench/floor/dist/**'] },
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
    // Import direction: lib ← core ← ui ← features ← app. Features never import each other.
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@tarojs/*', '@/core/*', '@/ui/*', '@/search/*', '@/me/*', 'react'] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/ui/*', '@/search/*', '@/me/*', '@nutui/*'] }] },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/search/*', '@/me/*'] }] },
  },
  {
    files: ['src/search/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/me/*', '../../me/*'] }] },
  },
  {
    files: ['src/me/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/search/*', '../../search/*'] }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.config.ts', 'src/app.config.ts'],
    languageOptions: { globals: { definePageConfig: 'readonly', defineAppConfig: 'readonly' } },
  },
  prettier,
);
