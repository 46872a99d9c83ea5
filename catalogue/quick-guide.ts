import type { QuickGuideRecord } from './records.js';

/** The seed page's quick guide, in its own order and words. */
export const quickGuide: readonly QuickGuideRecord[] = [
  { situation: 'success', code: 200 },
  { situation: 'create', code: 201 },
  { situation: 'invalid request', code: 400 },
  { situation: 'missing authentication', code: 401 },
  { situation: 'no permission', code: 403 },
  { situation: 'missing resource', code: 404 },
  { situation: 'rate limit', code: 429 },
  { situation: 'server error', code: 500 },
];
