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

/** The StatusQL schema, built once from every type file. */
export const schema = builder.toSchema({ sortSchema: true });
