import { classOf } from './classes.js';
import type { Registration, StatusClassKind, StatusCodeRecord } from './records.js';

/** Conditions on a code; every one given must hold. */
export interface StatusCodeFilter {
  classes?: readonly StatusClassKind[] | null;
  codes?: readonly number[] | null;
  minCode?: number | null;
  maxCode?: number | null;
  registrations?: readonly Registration[] | null;
  deprecated?: boolean | null;
  cacheableByDefault?: boolean | null;
  retryable?: boolean | null;
  bodyAllowed?: boolean | null;
  /** A response header name, compared without regard to case. */
  header?: string | null;
}

function holds<T>(wanted: T | null | undefined, actual: T): boolean {
  return wanted === null || wanted === undefined || wanted === actual;
}

/** Whether a record meets every condition of the filter. */
export function matchesFilter(record: StatusCodeRecord, filter: StatusCodeFilter = {}): boolean {
  const kind = classOf(record.code)?.kind;
  const header = filter.header?.toLowerCase();
  return (
    (!filter.classes || (kind !== undefined && filter.classes.includes(kind))) &&
    (!filter.codes || filter.codes.includes(record.code)) &&
    (filter.minCode == null || record.code >= filter.minCode) &&
    (filter.maxCode == null || record.code <= filter.maxCode) &&
    (!filter.registrations || filter.registrations.includes(record.registration)) &&
    holds(filter.deprecated, record.deprecation !== null) &&
    holds(filter.cacheableByDefault, record.cacheableByDefault) &&
    holds(filter.retryable, record.retryable) &&
    holds(filter.bodyAllowed, record.bodyAllowed) &&
    (header === undefined || record.headers.some((entry) => entry.name.toLowerCase() === header))
  );
}
