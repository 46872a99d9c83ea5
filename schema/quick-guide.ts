import { catalogue } from '../catalogue/catalogue.js';
import { quickGuide } from '../catalogue/quick-guide.js';
import type { QuickGuideRecord } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, lengthsOf } from './cost.js';
import { StatusCode } from './status-code.js';

const QuickGuideEntry = builder.objectRef<QuickGuideRecord>('QuickGuideEntry').implement({
  description: 'A common situation and the code to answer it with.',
  fields: (t) => ({
    situation: t.exposeString('situation', {
      description: 'The situation, e.g. "rate limit".',
      extensions: cost({ bytes: bytesOf(quickGuide.map((entry) => entry.situation)) }),
    }),
    statusCode: t.field({
      type: StatusCode,
      description: 'The code to use.',
      // The catalogue test checks every quick-guide code exists.
      resolve: (entry) => catalogue.byCode.get(entry.code)!,
      extensions: cost({}),
    }),
  }),
});

builder.queryField('quickGuide', (t) =>
  t.field({
    type: [QuickGuideEntry],
    description: 'The everyday codes: 200 for success, 404 for a missing resource, 429 for a rate limit, ...',
    resolve: () => quickGuide,
    extensions: cost({ length: lengthsOf([quickGuide]), owned: true }),
  }),
);
