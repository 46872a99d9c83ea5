import { stemmer as stem } from 'stemmer';

/**
 * Everyday words that mean the same thing when people describe an HTTP exchange, as groups
 * whose first word is the one the others map to. Word-level only: no group names a code.
 */
const wordGroups: readonly (readonly string[])[] = [
  ['large', 'big', 'huge', 'oversized', 'massive', 'enormous', 'larger', 'bigger', 'largest', 'biggest'],
  ['block', 'ban', 'blacklist', 'blocklist', 'bar'],
  ['delete', 'remove', 'erase', 'destroy', 'purge'],
  ['signup', 'register', 'registration', 'enrol', 'enroll'],
  ['login', 'signin', 'logon'],
  ['password', 'passwd', 'pwd', 'passcode', 'passphrase'],
  ['permission', 'privilege'],
  ['wrong', 'incorrect', 'mistaken'],
  ['malformed', 'corrupt', 'corrupted', 'garbled', 'garbage', 'mangled'],
  ['crash', 'panic', 'segfault'],
  ['exception', 'traceback', 'stacktrace'],
  ['offline', 'outage'],
  ['maintenance', 'downtime'],
  ['overload', 'overwhelm', 'swamp'],
  ['throttle', 'ratelimit'],
  ['quota', 'allotment'],
  ['payment', 'pay', 'billing', 'bill'],
  ['subscription', 'membership'],
  ['file', 'attachment'],
  ['image', 'photo', 'picture', 'avatar'],
  ['url', 'uri', 'link'],
  ['certificate', 'cert'],
  ['ssl', 'tls'],
  ['move', 'relocate', 'migrate'],
  ['permanent', 'forever'],
  ['conflict', 'clash', 'collision'],
  ['duplicate', 'dupe'],
  ['upstream', 'backend'],
  ['database', 'db'],
  ['refuse', 'reject', 'decline', 'deny'],
  ['fail', 'failure'],
  ['cancel', 'abort'],
  ['disk', 'storage', 'drive'],
  ['token', 'jwt'],
  ['admin', 'administrator', 'superuser'],
  ['success', 'succeed'],
  ['ok', 'okay'],
  ['empty', 'blank'],
  ['body', 'payload'],
  ['job', 'task'],
  ['async', 'asynchronous'],
  ['parameter', 'param', 'argument', 'arg'],
  ['old', 'outdated', 'legacy'],
  ['longer', 'anymore'],
  ['country', 'region'],
  ['legal', 'law', 'lawsuit'],
  ['expire', 'lapse'],
  ['require', 'mandate', 'demand', 'force', 'enforce', 'insist', 'reqd'],
  ['request', 'req', 'rqst'],
  ['response', 'resp'],
  ['server', 'srv', 'svr'],
  ['service', 'svc'],
  ['error', 'err'],
  ['unavailable', 'unavail'],
  ['production', 'prod'],
];

/** A word and its regular inflections: Porter does not always stem them alike ("succeed", "succeeded"). */
const formsOf = (word: string) => [word, `${word}s`, `${word}es`, `${word}d`, `${word}ed`, `${word}ing`];

const headOf = new Map<string, string>();
for (const group of wordGroups) {
  const head = stem(group[0]!);
  for (const word of group) {
    for (const form of formsOf(word)) if (!headOf.has(stem(form))) headOf.set(stem(form), head);
  }
}

/** The stem every word of a stem's group maps to; the stem itself when it has no group. */
export function groupStem(wordStem: string): string {
  return headOf.get(wordStem) ?? wordStem;
}
