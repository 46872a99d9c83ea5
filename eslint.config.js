// typescript-eslint's type-aware recommended rules, as graphql-yoga and fastify run a linter in CI.
// Prettier owns the layout (npm run lint checks both), so no stylistic rule is enabled here.
// graphql-eslint lints the committed schema and the SDK's operations (see docs/lint.md).
import eslint from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The files the JavaScript and TypeScript configs apply to (those `eslint .` linted before GraphQL). */
const codeFiles = ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'];

/** Gives configs that apply to every file (no `files` of their own) the code files, so they skip .graphql. */
const codeOnly = (...configs) => configs.flat().map((config) => ({ ...config, files: config.files ?? codeFiles }));

// One graphql-config for both blocks: the plugin keeps the first config it loads for the whole run.
// The schema comes from the committed SDL, as for codegen; documents lets the operation rules see
// the fragments of sdk/operations/fragments.graphql from every file.
const graphQLConfig = { schema: 'schema/schema.graphql', documents: 'sdk/operations/**/*.graphql' };
const graphqlLanguage = {
  languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
  plugins: { '@graphql-eslint': graphql },
};

export default tseslint.config(
  { ignores: ['**/dist/', 'sdk/src/generated/', 'bench/results/', '.tmp/'] },
  codeOnly(eslint.configs.recommended, tseslint.configs.recommendedTypeChecked, {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  }),
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // Tests and benchmarks read JSON from HTTP answers and assert its exact values; typing every answer
    // would only restate the assertion. The production code keeps every no-unsafe rule.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['schema/**/*.graphql'],
    ...graphqlLanguage,
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      // Every type, field, argument and enum value, not only types and root fields.
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      // Entities need an `id: ID!` for normalized caches; value objects have no identity of their own
      // and are cached inside their parent. A new type must be either given an id or listed here.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Connection', 'Edge'],
            types: [
              'CodeConfusion',
              'Deprecation',
              'FormerPhrase',
              'Framework',
              'FrameworkName',
              'PageInfo',
              'QuickGuideEntry',
              'Registration',
              'ResponseHeader',
              'SearchMatch',
              'Specification',
              'StatusClassFacet',
              'StatusInterpretation',
              'Suggestion',
              'SymptomSource',
              'VendorMeaning',
            ],
          },
        },
      ],
      // Lists that grow are connections; small bounded lists (a code's headers, the five classes) stay lists.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
      // Mutations (none yet) take one `input: <MutationName>Input` argument.
      '@graphql-eslint/input-name': ['error', { checkInputType: true }],
    },
  },
  {
    files: ['sdk/operations/**/*.graphql'],
    ...graphqlLanguage,
    // require-selections (in the preset) makes every selection of a type with an `id` select it.
    rules: graphql.configs['flat/operations-recommended'].rules,
  },
);
