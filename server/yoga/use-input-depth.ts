import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** How deeply a value nests, walked with a stack of its own, so any depth is safe to measure. */
function nestingDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Refuses `variables` or `extensions` nested deeper than `maxDepth` objects and lists, before
 * anything else walks them: graphql-js coerces variables recursively, and a 10 KB body can nest
 * 5,000 levels. No input of this schema nests more than a few levels.
 */
export function useInputDepth(maxDepth: number): Plugin {
  return {
    onParams({ params }) {
      for (const [name, value] of [
        ['variables', params.variables],
        ['extensions', params.extensions],
      ] as const) {
        if (nestingDepth(value, maxDepth) > maxDepth) {
          throw new GraphQLError(`The request's ${name} nest deeper than ${maxDepth} levels of objects and lists.`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      }
    },
  };
}
