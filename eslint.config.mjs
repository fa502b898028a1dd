import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'examples/**'] },
  js.configs.recommended,
  // CommonJS config files (.dependency-cruiser.cjs).
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine also runs as the CLI: it must never depend on the editor.
    files: ['src/model/**', 'src/providers/**', 'src/cli.ts', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The engine must not import vscode; pass what it needs through an interface.' }] }],
    },
  },
  {
    // The engine and the index know clouds only through the LiveStateProvider interface.
    files: ['src/engine/**', 'src/iac/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The engine must not import vscode; pass what it needs through an interface.' }],
        patterns: [{ group: ['**/providers/**'], message: 'The engine knows clouds only through LiveStateProvider (src/model/live.ts); put cloud knowledge in the provider.' }],
      }],
    },
  },
);
