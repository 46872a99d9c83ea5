import { maxPageSize } from './pagination.js';
import { builder } from './builder.js';
import { StatusClassKindEnum } from './status-class.js';
import { RegistrationStatusEnum } from './status-code-details.js';
import { textArgument } from './text-argument.js';
import { z } from 'zod';

const code = z.int().min(100, 'codes run from 100 to 599').max(599, 'codes run from 100 to 599');

/** Conditions on status codes, shared by `statusCodes` and `search`. */
export const StatusCodeFilterInput = builder.inputType('StatusCodeFilter', {
  description: 'Narrows a list of status codes. Every condition given must hold; omitted ones are ignored.',
  fields: (t) => ({
    classes: t.field({
      type: [StatusClassKindEnum],
      description: 'Only codes in one of these classes.',
    }),
    codes: t.intList({
      description: `Only these codes (at most ${maxPageSize}).`,
      validate: z.array(code).max(maxPageSize, `codes takes at most ${maxPageSize} entries`),
    }),
    minCode: t.int({ description: 'Only codes at or above this number.', validate: code }),
    maxCode: t.int({ description: 'Only codes at or below this number.', validate: code }),
    registrations: t.field({
      type: [RegistrationStatusEnum],
      description:
        'Only codes with one of these standings in the IANA registry: `[PERMANENT, TEMPORARY]` for official codes.',
    }),
    deprecated: t.boolean({
      description: 'Only codes that have (or have no) `deprecation`: deprecated, obsolete, reserved or retired.',
    }),
    cacheableByDefault: t.boolean({
      description: 'Only codes that are (or are not) cacheable without explicit freshness (RFC 9110 §15.1).',
    }),
    retryable: t.boolean({ description: 'Only codes after which repeating the request may (or may not) succeed.' }),
    bodyAllowed: t.boolean({ description: 'Only codes whose responses may (or may not) carry content.' }),
    header: t.string({
      description: 'Only codes that go with this response header, e.g. "Retry-After" (any case).',
      validate: textArgument('header', 100),
    }),
  }),
});
