import { z } from 'zod';
import { catalogue } from '../catalogue/catalogue.js';
import { interpretable, interpretStatus, type StatusInterpretation } from '../catalogue/interpret.js';
import { builder } from './builder.js';
import { bytesOf, cost, fixed } from './cost.js';
import { StatusCode } from './status-code.js';

/** Every explanation the field can give: each catalogued code's, each unassigned code's, and 0's. */
const explanations = [0, ...Array.from({ length: 500 }, (_, index) => 100 + index)].map(
  (code) => interpretStatus(catalogue, code).explanation,
);

const StatusInterpretationType = builder.objectRef<StatusInterpretation>('StatusInterpretation').implement({
  description:
    'How a client should read a status it was given: a catalogued code as itself, any other in 100-599 as its class (RFC 9110 §15), and 0 as no response.',
  fields: (t) => ({
    code: t.exposeInt('code', { description: 'The status asked about.', extensions: cost({ bytes: fixed(3) }) }),
    known: t.exposeBoolean('known', {
      description: 'Whether the catalogue describes the code, official or a vendor’s.',
      extensions: cost({ bytes: fixed(5) }),
    }),
    treatAs: t.field({
      type: StatusCode,
      nullable: true,
      description:
        'The code to handle it as: the code itself when known; otherwise the first code of its class (299 as 200 OK); null for 0.',
      resolve: (interpretation) => interpretation.treatAs,
      extensions: cost({}),
    }),
    explanation: t.exposeString('explanation', {
      description: 'What the status means for the client, in a few sentences.',
      extensions: cost({ bytes: bytesOf(explanations) }),
    }),
  }),
});

builder.queryField('interpretStatus', (t) =>
  t.field({
    nullable: true,
    type: StatusInterpretationType,
    description:
      'Explains any status a client or dashboard shows: a catalogued code, an unassigned one such as 299, or 0 (no response: a network error, CORS or an abort).',
    args: {
      code: t.arg.int({
        required: true,
        description: 'The status: 0, or a number from 100 to 599.',
        validate: z.int().refine(interpretable, {
          message: 'code must be 0 or between 100 and 599',
          params: { constraint: 'RANGE' },
        }),
      }),
    },
    resolve: (_root, { code }) => interpretStatus(catalogue, code),
    extensions: cost({}),
  }),
);
