// Type-checked lint: no floating promises, exhaustive switches over unions,
// and the dependency rule (domain code imports nothing outside itself and the
// shared kernel; libs import each other only through their index).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['libs/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@eventstore/*', 'express'], message: 'domain code is pure: no frameworks or I/O' },
            { group: ['@app/*', '!@app/shared-kernel'], message: 'domain code imports only itself and @app/shared-kernel' },
            { group: ['node:fs', 'node:net', 'node:http', 'fs', 'net', 'http'], message: 'domain code does no I/O' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'pass the time in (Clock)' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass the time in (Clock)' },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'pass ids in' },
      ],
    },
  },
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['**/*.spec.ts', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^@app/[^/]+/.+', message: 'import other libs only through their index (@app/<lib>)' }] },
      ],
    },
  },
  { files: ['bench/**/*.ts'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/contract/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
