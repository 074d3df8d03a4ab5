// Lint for the whole repository: TypeScript everywhere (typescript-eslint), Svelte 5
// components (eslint-plugin-svelte, parsed with the TypeScript parser), and the globals of
// each process: Node for main/scripts/tests, the browser for the renderer and the e2e peer.
import js from '@eslint/js'
import globals from 'globals'
import svelte from 'eslint-plugin-svelte'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'e2e-artifacts/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Stripping control characters from hostile input is deliberate here.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Render remote text as text, never HTML.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Render remote text as text, never HTML.',
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and a switch over a union
    // that misses a case is a state nobody handles. (TypeScript files; Svelte markup is
    // checked by svelte-check.)
    files: ['**/*.ts'],
    ignores: ['e2e/peer/**', 'bench/minimal-phone/**'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}', 'e2e/peer/**/*.ts', 'bench/minimal-phone/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      // Caller names and SIP header text must never be rendered as HTML.
      'svelte/no-at-html-tags': 'error',
      // Plain Map/Set/Date are fine for non-reactive bookkeeping; flag, don't fail.
      'svelte/prefer-svelte-reactivity': 'warn',
    },
  },
  {
    // Only the SIP adapter's stack port may talk to SIP.js; the rest of the adapter uses the
    // port's interfaces, components and state use the adapter's plain events.
    files: ['renderer/**/*.{ts,svelte}'],
    ignores: ['renderer/sip/stack/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['sip.js', 'sip.js/*'],
              message: 'Only renderer/sip/stack/ (the SIP stack port) imports SIP.js.',
            },
          ],
        },
      ],
    },
  },
  {
    // SIP.js internals (underscore members) stay inside the port, so a stack swap stays there too.
    files: ['renderer/sip/**/*.ts'],
    ignores: ['renderer/sip/stack/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^_/]',
          message: 'SIP stack internals belong in renderer/sip/stack/ only.',
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Render remote text as text, never HTML.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Render remote text as text, never HTML.',
        },
      ],
    },
  },
)
