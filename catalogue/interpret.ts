import type { Catalogue } from './catalogue.js';
import { classOf } from './classes.js';
import type { StatusCodeRecord } from './records.js';

/** How a client should read a status it was given, catalogued or not. */
export interface StatusInterpretation {
  code: number;
  /** Whether the catalogue describes the code, official or a vendor's. */
  known: boolean;
  /** What to handle it as: the code itself, its class's x00 (RFC 9110 §15), or nothing for 0. */
  treatAs: StatusCodeRecord | null;
  explanation: string;
}

/** Whether a number can be asked about: 0 (no response) or a three-digit status of the five classes. */
export const interpretable = (code: number): boolean => code === 0 || (code >= 100 && code <= 599);

/**
 * Explains any status a client or a dashboard may show. An assigned or vendor code is itself. Any
 * other in 100–599 is, by RFC 9110 §15, understood by its class: a client treats a code it does
 * not recognize as the x00 of its class (and must not cache the response). 0 is no status at all.
 */
export function interpretStatus(catalogue: Catalogue, code: number): StatusInterpretation {
  const record = catalogue.byCode.get(code);
  if (record) {
    const standing =
      record.registration === 'UNOFFICIAL'
        ? `an unofficial code of ${record.vendor ?? 'some servers'}`
        : 'an assigned status code';
    return {
      code,
      known: true,
      treatAs: record,
      explanation: `${code} ${record.phrase} is ${standing}. ${record.description}`,
    };
  }
  const statusClass = classOf(code);
  const first = statusClass && catalogue.byCode.get(statusClass.minCode);
  if (statusClass && first) {
    return {
      code,
      known: false,
      treatAs: first,
      explanation:
        `${code} is not an assigned status code, nor one a vendor is known to send. It is in the ${statusClass.range} class (${statusClass.label}), ` +
        `and RFC 9110 §15 tells a client that does not recognize a code to treat it as the first code of its class: ${first.code} ${first.phrase}. ` +
        'A cache must not store the response under that code.',
    };
  }
  if (code !== 0) throw new RangeError(`No status ${code} can be interpreted`);
  return {
    code,
    known: false,
    treatAs: null,
    explanation:
      '0 is not an HTTP status: no response arrived. Browsers and many HTTP clients report 0 when the request failed before a status line was read: ' +
      'the connection was refused, reset or timed out, the name did not resolve, the certificate was refused, the browser blocked the request ' +
      '(CORS, mixed content, an extension) or the page cancelled it. The reason is in the browser console or the client’s error, not in the server’s logs.',
  };
}
