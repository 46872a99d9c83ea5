/** Where live examples live: `/status/{codes}`. */
export const liveExamplePrefix = '/status/';

/** The most codes one list may hold (`/status/200,500,…`). */
export const maxListedCodes = 50;

/** The longest `location` a live example takes, in characters. */
export const maxLocationLength = 256;

/** One code of a list and its weight (1 unless given). */
export interface WeightedCode {
  code: number;
  weight: number;
}

/** Why a request is refused with 400: a fixed sentence that never quotes the request back. */
export interface LiveExampleProblem {
  message: string;
}

const codeText = /^\d{1,6}$/;
/** A plain decimal (`1`, `0.9`, `.5`): no sign, exponent, NaN or Infinity, as Number() would take. */
const weightText = /^(?:\d{1,9}(?:\.\d{1,9})?|\.\d{1,9})$/;

const problem = (message: string): LiveExampleProblem => ({ message });
const malformed = problem(
  'Bad Request: ask for /status/{code}, a list such as /status/200,503, or weights such as /status/200:0.9,503:0.1; codes are numbers from 100 to 599, weights plain decimals.',
);
const outOfRange = problem('Bad Request: a status code is a number from 100 to 599.');
const tooMany = problem(`Bad Request: a list may hold at most ${maxListedCodes} codes.`);
const allZero = problem('Bad Request: at least one weight must be above 0.');
export const unknownParameter = problem(
  'Bad Request: /status/{code} takes only the parameters sleep and location, each at most once.',
);
export const badLocation = problem(
  `Bad Request: location must be a path on this server such as /status/200, at most ${maxLocationLength} characters, without a scheme or host, a leading // or backslash, dot segments, encoded slashes or control characters.`,
);
export const badSleep = (maxSleepMs: number) =>
  problem(`Bad Request: sleep is a whole number of milliseconds from 0 to ${maxSleepMs}.`);

/**
 * Reads the codes of `/status/{codes}`: `list` is what follows {@link liveExamplePrefix}, before any
 * `?`. Codes may be percent-encoded (`200%2C500`), as some clients send them.
 */
export function parseCodes(list: string): WeightedCode[] | LiveExampleProblem {
  let decoded: string;
  try {
    decoded = decodeURIComponent(list);
  } catch {
    return malformed;
  }
  const entries = decoded.split(',');
  if (entries.length > maxListedCodes) return tooMany;
  const codes: WeightedCode[] = [];
  for (const entry of entries) {
    const [code = '', weight, extra] = entry.split(':');
    if (!codeText.test(code) || extra !== undefined || (weight !== undefined && !weightText.test(weight)))
      return malformed;
    const number = Number(code);
    if (number < 100 || number > 599) return outOfRange;
    codes.push({ code: number, weight: weight === undefined ? 1 : Number(weight) });
  }
  return codes.some((entry) => entry.weight > 0) ? codes : allZero;
}

/** RFC 3986 path and query characters, `%` included; no `#`, `\`, space or anything outside ASCII. */
const localPathText = /^\/(?![/\\])[\w\-.~!$&'()*+,;=:@%/?]*$/;
/** Encoded `/`, `\` or control characters: a client that decodes Location would meet them bare. */
const encodedDanger = /%(?:2f|5c|[01][0-9a-f]|7f)/i;
/** `.` or `..` as a whole segment (`%2e` is a dot to the WHATWG URL parser): `/.//evil` resolves to `//evil`. */
const dotSegment = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|\?|$)/i;

/**
 * Whether `location` is a path on this server and nothing else: a browser resolving it against
 * this origin stays on this origin, however it normalizes, so `/status/301?location=` can never
 * send anyone elsewhere (no open redirect).
 */
export function isLocalPath(location: string): boolean {
  if (location.length > maxLocationLength || !localPathText.test(location) || encodedDanger.test(location))
    return false;
  if (/%(?![0-9a-f]{2})/i.test(location)) return false;
  const path = location.split('?')[0]!;
  return !dotSegment.test(path);
}

/** One code of the list, at random by weight (all weights 1: uniformly); `random` is in [0, 1). */
export function pickCode(codes: readonly WeightedCode[], random: () => number = Math.random): number {
  const total = codes.reduce((sum, entry) => sum + entry.weight, 0);
  let point = random() * total;
  for (const entry of codes) {
    if (point < entry.weight) return entry.code;
    point -= entry.weight;
  }
  // Rounding can leave `point` at the very end: the last code with a weight takes it.
  return codes.findLast((entry) => entry.weight > 0)!.code;
}
