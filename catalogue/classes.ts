import type { StatusClassKind, StatusClassRecord } from './records.js';

/** The five status classes in code order (RFC 9110 section 15). */
export const statusClasses: readonly StatusClassRecord[] = [
  {
    kind: 'INFORMATIONAL',
    range: '1xx',
    label: 'Informational',
    description: 'Interim answers sent before the final response, telling the client how the exchange is going.',
    minCode: 100,
    maxCode: 199,
  },
  {
    kind: 'SUCCESS',
    range: '2xx',
    label: 'Success',
    description: 'The server understood the request and did what it asked.',
    minCode: 200,
    maxCode: 299,
  },
  {
    kind: 'REDIRECTION',
    range: '3xx',
    label: 'Redirection',
    description: 'The client has to take another step, usually following a new URL or reusing its cached copy.',
    minCode: 300,
    maxCode: 399,
  },
  {
    kind: 'CLIENT_ERROR',
    range: '4xx',
    label: 'Client Error',
    description:
      'The server will not answer the request as sent. Usually the request is at fault and must change, but 408, 421, 423, 425 and 429 refuse it only for now or on this connection, and the same request may succeed later.',
    minCode: 400,
    maxCode: 499,
  },
  {
    kind: 'SERVER_ERROR',
    range: '5xx',
    label: 'Server Error',
    description: 'The request may be fine, but the server or something behind it failed to answer it.',
    minCode: 500,
    maxCode: 599,
  },
];

const classesByKind = new Map(statusClasses.map((statusClass) => [statusClass.kind, statusClass]));

/** The class a code belongs to, by its first digit; codes outside 100-599 have none. */
export function classOf(code: number): StatusClassRecord | undefined {
  return statusClasses.find((statusClass) => code >= statusClass.minCode && code <= statusClass.maxCode);
}

/** The class record for an enum value. */
export function statusClassByKind(kind: StatusClassKind): StatusClassRecord {
  const statusClass = classesByKind.get(kind);
  if (!statusClass) throw new Error(`Unknown status class ${kind}`);
  return statusClass;
}
