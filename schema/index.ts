import { GraphQLSchema, isSpecifiedScalarType } from 'graphql';
import { builder } from './builder.js';
import './status-class.js';
import './status-code.js';
import './search.js';
import './suggest.js';
import './code-guide.js';
import './quick-guide.js';
import './symptom.js';
import './interpret-status.js';

builder.queryType({ description: 'Look up, list and search HTTP status codes.' });

/**
 * The schema with Query first and the other types by name, so the SDL reads like a reference; each
 * type keeps its fields, arguments and enum values in the order they were written (classes 1xx to
 * 5xx, `query` before paging), which a full sort would scramble.
 */
function inReadingOrder(built: GraphQLSchema): GraphQLSchema {
  const config = built.toConfig();
  const named = config.types
    .filter((type) => type !== config.query && !isSpecifiedScalarType(type) && !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return new GraphQLSchema({ ...config, types: [config.query!, ...named] });
}

/** The StatusQL schema, built once from every type file. */
export const schema = inReadingOrder(builder.toSchema({ sortSchema: false }));
