import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';

/**
 * graphql-armor's rules throw from inside `validate` by default, which skips yoga's marking of
 * validation errors (so they would answer 200). Reporting them instead makes them ordinary
 * validation errors (400), with our own code and without armor's misleading "Syntax Error:" prefix.
 */
const report = (code: string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } })),
  ],
});

/**
 * graphql-armor's document limits, enforced before execution: tokens while parsing (so a huge
 * document is never built), then depth, aliases and directives as validation rules. The cost
 * limit is use-cost-limit.ts.
 */
export function useQueryLimits(limits: Pick<Limits, 'tokens' | 'depth' | 'aliases' | 'directives'>): Plugin {
  return {
    onPluginInit({ addPlugin }) {
      // The token limit throws while parsing, where no validation context exists to report to.
      addPlugin(maxTokensPlugin({ n: limits.tokens }));
      addPlugin(maxDepthPlugin({ n: limits.depth, flattenFragments: true, ...report('MAX_DEPTH_EXCEEDED') }));
      addPlugin(maxAliasesPlugin({ n: limits.aliases, ...report('MAX_ALIASES_EXCEEDED') }));
      addPlugin(maxDirectivesPlugin({ n: limits.directives, ...report('MAX_DIRECTIVES_EXCEEDED') }));
    },
  };
}
