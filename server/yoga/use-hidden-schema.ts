import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js suggestions: `Did you mean "x"?`, `Did you mean the enum value "X"?`, `…to use an inline fragment on "T"?` */
const suggestion = /\s*Did you mean [^?]*\?/g;

/**
 * For INTROSPECTION=false: `__schema` and `__type` fail validation, and no error message suggests
 * names the schema has. graphql-armor's block-field-suggestions only matches `Did you mean "x"?`
 * in validation errors, so enum values and variable errors would still leak; this covers them all.
 */
export function useHiddenSchema(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results) {
        if (!('errors' in single)) continue;
        for (const error of single.errors ?? []) error.message = error.message.replace(suggestion, '');
      }
    },
  };
}
