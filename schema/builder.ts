import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { DateResolver, URLResolver } from 'graphql-scalars';
import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.js';
import { badInput, problemOf } from './bad-input.js';
import { cost, fixed, lengthsOf } from './cost.js';

/** The most ids one `nodes` call takes, like the largest page. */
const maxNodeIds = 100;

/** The one Pothos builder every type file registers with. */
export const builder = new SchemaBuilder<{
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    Date: { Input: Date; Output: string };
    URL: { Input: URL; Output: string };
  };
  /** Where this server is reached, for absolute links (PUBLIC_URL). */
  Context: { publicUrl: string };
}>({
  plugins: [RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a stable global `id`, for normalized client caches.' },
    idFieldOptions: {
      description: 'A stable, opaque global id: the same object always has the same id.',
      // Node.id's bound; each node type declares its own ids, measured.
      extensions: cost({ bytes: fixed(64) }),
    },
    nodeQueryOptions: {
      description: 'Fetches a status code, class or symptom by its global `id`.',
      args: { id: { description: 'A global id from an `id` field.' } },
      // Decoding the id and loading its object, through promises: 10 µs measured in process.
      extensions: cost({ work: () => 10 }),
    },
    nodesQueryOptions: {
      description: `Fetches up to ${maxNodeIds} status codes, classes or symptoms by their global \`id\`s, in the same order; null for an id that names nothing.`,
      nullable: { list: true, items: true },
      args: { ids: { description: `Global ids from \`id\` fields, at most ${maxNodeIds}.` } },
      validate: z.looseObject({ ids: z.array(z.unknown()).max(maxNodeIds, `ids takes at most ${maxNodeIds} ids`) }),
      // The same for each id: 3 µs measured in process.
      extensions: cost({ work: (args) => 3 * (Array.isArray(args['ids']) ? args['ids'].length : maxNodeIds) }),
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay cursor connections).' },
    hasNextPageFieldOptions: {
      description: 'Whether more edges follow this page.',
      extensions: cost({ bytes: fixed(5) }),
    },
    hasPreviousPageFieldOptions: {
      description: 'Whether edges precede this page.',
      extensions: cost({ bytes: fixed(5) }),
    },
    startCursorFieldOptions: {
      description: 'The cursor of the first edge on this page.',
      extensions: cost({ bytes: fixed(64) }),
    },
    endCursorFieldOptions: {
      description: 'The cursor of the last edge; pass it as `after` for the next page.',
      extensions: cost({ bytes: fixed(64) }),
    },
    // A page's edges are distinct codes, at most every code the catalogue holds.
    edgesFieldOptions: {
      description: 'The items on this page, each with its cursor.',
      extensions: cost({ length: lengthsOf([catalogue.codes]), owned: true }),
    },
    pageInfoFieldOptions: { description: 'Cursors and flags for fetching neighbouring pages.', extensions: cost({}) },
    cursorFieldOptions: {
      description: 'An opaque position to pass as `after` or `before`.',
      extensions: cost({ bytes: fixed(64) }),
    },
    nodeFieldOptions: { description: 'The status code.', extensions: cost({ owned: true }) },
    firstArgOptions: { description: 'How many edges to return from the start, 1 to 100; give this or `last`.' },
    afterArgOptions: { description: 'Return edges after this cursor.' },
    lastArgOptions: { description: 'How many edges to return from the end, 1 to 100; give this or `first`.' },
    beforeArgOptions: { description: 'Return edges before this cursor.' },
  },
  validation: {
    // The first problem names the argument, constraint and limit; the message lists them all.
    validationError: (result) =>
      badInput(result.issues.map((issue) => issue.message).join('; '), problemOf(result.issues[0]!)),
  },
});

builder.addScalarType('Date', DateResolver);
builder.addScalarType('URL', URLResolver);
