import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { createSearch } from '../catalogue/search.js';
import {
  apiErrors,
  statusesOfMessages,
  statusesOfNumbers,
  statusOfIdentifier,
  tagPathsOf,
  underAnotherVendor,
} from '../catalogue/api-errors.js';
import { searchTuning } from '../catalogue/search-tuning.js';
import { americanSpelling } from '../catalogue/spelling.js';
import { stemmer as stem } from 'stemmer';
import { createSuggest } from '../catalogue/suggest.js';
import { groupStem } from '../catalogue/thesaurus.js';
import { identifiersOf, otherLanguageTerm, stemsOf, tokenize } from '../catalogue/terms.js';

const search = createSearch(catalogue);
const codesFor = (query: string) => search(query).map((hit) => hit.record.code);
const topFor = (query: string) => codesFor(query)[0];
const codesBetween = (min: number, max: number) =>
  catalogue.codes.filter((record) => record.code >= min && record.code <= max).map((record) => record.code);

describe('search patterns', () => {
  it('answers an exact code with that code alone', () => {
    expect(codesFor('404')).toEqual([404]);
    expect(codesFor(' 429 ')).toEqual([429]);
  });

  it('answers an uncatalogued number with nothing', () => {
    expect(codesFor('299')).toEqual([]);
  });

  it.each(['4xx', '4XX', '4'])('lists the whole class for %j in code order', (query) => {
    expect(codesFor(query)).toEqual(codesBetween(400, 499));
  });

  it.each([
    ['50', 500, 509],
    ['50x', 500, 509],
    ['41X', 410, 419],
    ['2', 200, 299],
  ] as const)('lists the run for %j', (query, min, max) => {
    expect(codesFor(query)).toEqual(codesBetween(min, max));
  });

  it('says a listed code matched on its number', () => {
    const [first] = search('40x');
    expect(first?.record.code).toBe(400);
    expect(first?.score).toBe(1);
    expect(Object.fromEntries(first?.matches ?? [])).toEqual({ number: ['400'] });
  });

  it('narrows words to a class written among them', () => {
    const codes = codesFor('5xx timeout');
    expect(codes[0]).toBe(504);
    expect(codes.every((code) => code >= 500 && code <= 599)).toBe(true);
    expect(codesFor('timeout')).toContain(408);
  });

  it('lists several classes given together', () => {
    expect(codesFor('1xx 3xx')).toEqual([...codesBetween(100, 199), ...codesBetween(300, 399)]);
  });

  it('finds a code named by number among words', () => {
    expect(topFor('getting 502 from nginx')).toBe(502);
  });

  it('sets aside a number the query compares against', () => {
    expect(topFor("resource was intentionally removed and will never come back, what's more accurate than 404")).toBe(
      410,
    );
    expect(topFor('the upstream answered 502 instead of a 504')).toBe(502);
  });

  it('sets aside an error name the query compares against', () => {
    // S3 answers a missing key with AccessDenied (403) when the caller may not list the bucket.
    expect(topFor('S3 GetObject returns AccessDenied instead of NoSuchKey for a missing key')).toBe(403);
  });

  it("sets aside a vendor's own error number, which a payload gives apart from its status", () => {
    // Postmark's ErrorCode 300 is an invalid email request, answered with 422; Meta's subcodes are not statuses.
    expect(codesFor('{"ErrorCode":300,"Message":"Invalid email request"}').slice(0, 3)).not.toContain(300);
    expect(codesFor('{"error":{"code":100,"error_subcode":460,"type":"OAuthException"}}').slice(0, 3)).not.toContain(
      460,
    );
  });

  it('returns nothing for stop words alone', () => {
    expect(codesFor('the of and')).toEqual([]);
  });

  it.each(['after 100 seconds the proxy timed out', 'request took 500 ms', 'limit is 413 MB'])(
    'reads a number with a unit as a quantity, not a code: %j',
    (query) => {
      const number = Number(/\d+/.exec(query)![0]);
      expect(codesFor(query).slice(0, 3)).not.toContain(number);
    },
  );
});

describe('numbers in identifiers', () => {
  it("reads a glog line's W0404 (April 4th) as no code, so the message it holds still decides", () => {
    const line =
      'W0404 08:12:33.000001      12 controller.go:900] Service "shop/api" does not have any active Endpoint.';
    expect(topFor(line)).toBe(503);
  });
});

describe('search and vendors', () => {
  it.each([
    ['arcgis token no longer valid', 498],
    ['cloudflare timeout after 100 seconds', 524],
  ] as const)('puts the codes of a vendor the query names first: %j finds %i', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  // nginx answers both with 400, which its symptoms point to; asked in words with nginx named, the
  // question is nginx's own code. The page pasted with its 400 still says 400.
  it.each([
    ['nginx internal code when request header or cookie is too large', 494],
    ['nginx error when a plain http request is sent to the https port', 497],
    [
      '<html><head><title>400 Request Header Or Cookie Too Large</title></head><body><center><h1>400 Bad Request</h1></center><center>Request Header Or Cookie Too Large</center><hr><center>nginx/1.26.2</center></body></html>',
      400,
    ],
  ] as const)('answers a vendor code asked by its vendor and a name in full: %j finds %i', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it('answers a question in words with the code, not with a message its words spell out of order', () => {
    expect(topFor('user has huge cookies and the server rejects the request headers for being too big')).toBe(431);
  });

  it('answers a message pasted as printed, vendor and all, with the status its client sees', () => {
    expect(topFor('nginx The plain HTTP request was sent to HTTPS port')).toBe(400);
  });

  it('shows the status its client sees next, with the symptom', () => {
    const hits = search('nginx internal code when request header or cookie is too large');
    expect(hits.slice(0, 2).map((hit) => hit.record.code)).toEqual([494, 400]);
    expect(hits[1]?.symptoms.map((symptom) => symptom.id)).toEqual(['nginx-request-header-or-cookie-too-large']);
  });

  it('weighs vendor codes down when the query names no vendor', () => {
    expect(topFor('token expired')).toBe(401);
  });

  it('weighs deprecated codes down like vendor ones: "use" does not make it 305 Use Proxy', () => {
    expect(topFor('client must use https')).toBe(497);
  });

  it('reads "https" as a word, and completes it to no framework class name (HttpStatus, HttpStatusCode)', () => {
    const hits = search('https');
    expect(hits[0]?.record.code).toBe(497);
    const completed = new Set(hits.flatMap((hit) => hit.matches.get('frameworkNames') ?? []));
    expect([...completed].filter((word) => !word.startsWith('https') || word.startsWith('httpstatus'))).toEqual([]);
  });
});

describe('search relevance', () => {
  it.each([
    ['a constant, split at its digits', 'Status422UnprocessableEntity', 422],
    ['a constant, split at its digits', 'Status407ProxyAuthenticationRequired', 407],
    ['two swapped letters, as one typo', 'lenght required', 411],
    ['two swapped letters, as one typo', 'teapto', 418],
    ['a word cut short anywhere in the query', 'perm redirect', 308],
    ['a word cut short anywhere in the query', 'req timeout', 408],
    ['a word cut short anywhere in the query', 'unproc entity', 422],
    ['a Java constant by its abbreviation', 'conn.getResponseCode() == HttpURLConnection.HTTP_MOVED_TEMP', 302],
    ['a Java constant by its abbreviation', 'HTTP_PRECON_FAILED', 412],
    ['a comparative as its adjective', 'request body bigger than allowed', 413],
    ['a negation written short as "not"', "the etag doesn't match", 412],
    ['a negation written short as "not"', 'it doesnt match the etag', 412],
    ['"anymore" as "no longer"', 'resource not available anymore', 410],
    ['a short word one letter off, not swapped into another word', 'too erly', 425],
    ['a British spelling mistyped', 'unathorised', 401],
    ['a British spelling mistyped', 'unautorised access', 401],
  ] as const)('reads %s: %j finds %i', (_how, query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it.each([
    ['status code gone', [410]],
    ['http code for conflict', [409]],
    ['http status code teapot', [418]],
  ] as const)('takes status, code and http for the domain words they are: %j finds %j alone', (query, codes) => {
    expect(codesFor(query)).toEqual(codes);
  });

  it("keeps a word with an apostrophe whole (I'm is im, as typed without it), so 'Im a teapot' finds 418, not 226 IM Used", () => {
    expect(codesFor('Im a teapot')).toEqual([418, 226]);
  });

  it.each([
    ['rate limit', 429],
    ['validation failed', 422],
    ['throttled', 429],
    ['token expired', 401],
    ['file too big', 413],
    ['server is down for maintenance', 503],
    ['too many api calls', 429],
    ['websocket upgrade', 101],
    ['Request Entity Too Large', 413],
  ] as const)('puts the everyday phrase %j on %i', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it.each([
    ['gatway timeout', 504],
    ['unauthroized', 401],
    ['too many reqeusts', 429],
    ['servcie unavailable', 503],
    ['not foud', 404],
  ] as const)('forgives the typo in %j', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it.each([
    ['thrott', 429],
    ['gateway tim', 504],
    ['unprocess', 422],
    ['too many req', 429],
  ] as const)('completes the last word while typing %j', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it.each([
    ['throttling', 429],
    ['validating input failed', 422],
    ['redirection', 302],
    ['crashes', 500],
  ] as const)('meets other forms of the words in %j', (query, code) => {
    expect(codesFor(query).slice(0, 3)).toContain(code);
  });

  it.each([
    ['unauthorised', 'unauthorized'],
    ['authorisation failed', 'authorization failed'],
    ['unexpected server behaviour', 'unexpected server behavior'],
    ['request cancelled', 'request canceled'],
    ['licence restriction', 'license restriction'],
    ['preload optimisation', 'preload optimization'],
  ])('ranks British %j exactly as American %j', (british, american) => {
    expect(search(british).map((hit) => [hit.record.code, hit.score])).toEqual(
      search(american).map((hit) => [hit.record.code, hit.score]),
    );
    expect(search(british).length).toBeGreaterThan(0);
  });

  it('finds every phrase its own code first, or an official code of the same phrase', () => {
    for (const record of catalogue.codes) {
      const top = catalogue.byCode.get(topFor(record.phrase)!)!;
      if (top.code !== record.code) {
        expect(top.phrase).toBe(record.phrase);
        expect(top.registration !== 'UNOFFICIAL' || record.registration === 'UNOFFICIAL').toBe(true);
      }
    }
  });

  it.each(
    catalogue.codes.flatMap((record) => record.frameworkNames.map((entry) => [entry.name, record.code] as const)),
  )('finds framework name %j on %i first', (name, code) => {
    expect(topFor(name)).toBe(code);
  });

  it.each([
    ['StatusNotFound', 404],
    ['HTTPStatus.TOO_MANY_REQUESTS', 429],
    [':unprocessable_entity', 422],
    ['TooManyRequests', 429],
  ] as const)('finds %j, a framework name as people type it', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it('puts the official code first when an unofficial one has the same phrase', () => {
    expect(codesFor('Unauthorized').slice(0, 2)).toEqual([401, 561]);
  });

  it('orders hits by score, best first', () => {
    for (const query of ['timeout', 'proxy', 'too large', 'cloudflare']) {
      const scores = search(query).map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

describe('search matches', () => {
  const matchesOf = (query: string, code: number) =>
    Object.fromEntries(search(query).find((hit) => hit.record.code === code)?.matches ?? []);

  it('names the fields and words that matched', () => {
    const matches = matchesOf('rate limit', 429);
    expect(matches.synonyms).toEqual(expect.arrayContaining(['rate', 'limit']));
    expect(matches.description).toEqual(expect.arrayContaining(['rate']));
  });

  it('shows catalogue words, not stems, for another form of the query word', () => {
    expect(matchesOf('throttled', 429).synonyms).toEqual(expect.arrayContaining(['throttled', 'throttling']));
    expect(matchesOf('throttled', 429).synonyms?.some((word: string) => word === 'throttl')).toBe(false);
  });

  it('shows the American spelling for a British query', () => {
    expect(matchesOf('unauthorised', 401).phrase).toEqual(['unauthorized']);
  });

  it('shows the word of the same meaning', () => {
    expect(matchesOf('ip banned', 403).synonyms).toEqual(expect.arrayContaining(['ip', 'blocked']));
  });

  it('shows the corrected word for a typo', () => {
    expect(matchesOf('gatway', 504).phrase).toEqual(['gateway']);
  });

  it('matches a framework constant whole', () => {
    expect(matchesOf('StatusNotFound', 404).frameworkNames).toEqual(expect.arrayContaining(['statusnotfound']));
  });

  it('splits a capitalised run from the word after it: "HTTPServiceUnavailable" holds "Service"', () => {
    expect(tokenize('HTTPServiceUnavailable')).toEqual(['HTTP', 'Service', 'Unavailable', 'HTTPServiceUnavailable']);
    // Ruby's Net::HTTP response class, whose "Net" would otherwise tie it with 511 Network…
    expect(search('Net::HTTPServiceUnavailable')[0]?.record.code).toBe(503);
  });
});

describe('americanSpelling', () => {
  it.each([
    ['unauthorised', 'unauthorized'],
    ['authorisation', 'authorization'],
    ['recognise', 'recognize'],
    ['optimising', 'optimizing'],
    ['behaviour', 'behavior'],
    ['colours', 'colors'],
    ['cancelled', 'canceled'],
    ['travelling', 'traveling'],
    ['licence', 'license'],
    ['defence', 'defense'],
    ['analyse', 'analyze'],
    ['catalogue', 'catalog'],
    ['centre', 'center'],
  ])('spells %j as %j', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
  });

  it.each([
    ['unauthoris', 'unauthoriz'],
    ['behaviou', 'behavio'],
    ['cancell', 'cancel'],
    ['licenc', 'licens'],
  ])('rewrites the partly typed %j to %j, a prefix of the American word', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
  });

  it.each(['cancellation', 'analysis', 'promise', 'exercise', 'realism', 'criticism', 'hour', 'totally', 'license'])(
    'leaves %j alone',
    (word) => {
      expect(americanSpelling(word)).toBe(word);
    },
  );
});

describe('stemming (the stemmer package)', () => {
  it('brings the forms of a word together', () => {
    expect(new Set(['throttle', 'throttled', 'throttling'].map(stem)).size).toBe(1);
    expect(new Set(['limit', 'limits', 'limited', 'limiting'].map(stem)).size).toBe(1);
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('404')).toBe('404');
    expect(stem('http2')).toBe('http2');
  });
});

describe('groupStem', () => {
  const group = (word: string) => groupStem(stem(word));

  it.each([
    ['banned', 'blocked'],
    ['huge', 'large'],
    ['tls', 'ssl'],
    ['aborted', 'cancelled'],
    ['succeeded', 'success'],
    ['jwt', 'token'],
    ['force', 'require'],
    ['reqd', 'required'],
    ['prod', 'production'],
    ['svc', 'service'],
  ])('brings %j and %j together', (a, b) => {
    expect(group(a)).toBe(group(b));
  });

  it.each(['http', 'allowed', 'not', 'found', 'timeout'])('leaves %j in a group of its own', (word) => {
    expect(group(word)).toBe(stem(word));
  });
});

describe('suggest (catalogue)', () => {
  const suggest = createSuggest(catalogue);
  const texts = (prefix: string, limit = 8) => suggest(prefix, limit).map((entry) => entry.text);

  it('completes digits to code numbers in order', () => {
    expect(texts('40', 3)).toEqual(['400 Bad Request', '401 Unauthorized', '402 Payment Required']);
    expect(texts('418')).toEqual(['418 (Unused)']);
    expect(texts('6')).toEqual([]);
  });

  it('completes a partly typed everyday phrase', () => {
    expect(suggest('rate li', 8)[0]).toMatchObject({ kind: 'SYNONYM', record: { code: 429 } });
  });

  it('completes a partly typed phrase to its status line', () => {
    expect(suggest('gateway t', 8)[0]).toMatchObject({ text: '504 Gateway Timeout', kind: 'PHRASE' });
  });

  it('gives at most one suggestion per code', () => {
    const codes = suggest('time', 20).map((entry) => entry.record.code);
    expect(codes.length).toBeGreaterThan(3);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('tolerates a typo and a British spelling still being typed', () => {
    expect(suggest('gatway', 8).map((entry) => entry.record.code)).toEqual(expect.arrayContaining([502, 504]));
    expect(suggest('unauthoris', 8)[0]?.record.code).toBe(401);
  });

  it('completes framework constants', () => {
    expect(suggest('StatusNotF', 8)[0]).toMatchObject({ text: 'http.StatusNotFound', kind: 'FRAMEWORK_NAME' });
  });

  it('respects the limit', () => {
    expect(suggest('e', 3)).toHaveLength(3);
  });
});

describe('the search tuning', () => {
  it('is what createSearch ranks by: another tuning ranks otherwise', () => {
    // With vendor codes weighed far above official ones, Cloudflare's 522 overtakes 504 for a timeout.
    const vendorFirst = createSearch(catalogue, { ...searchTuning, unofficialWeight: 100 });
    expect(topFor('gateway timeout')).toBe(504);
    expect(vendorFirst('gateway timeout')[0]?.record.registration).toBe('UNOFFICIAL');
  });
});

describe('situations, each read as a sentence of its own', () => {
  const withoutSentences = createSearch(catalogue, { ...searchTuning, situationSentenceWeight: 0 });

  it.each([
    ['What status code when a user saves a document someone else modified in the meantime?', 412],
    ['sync token was invalidated so the client has to start over with a full resync', 410],
    ['end date of the booking is before its start date', 422],
  ])('answers %j with %i by the one situation it tells, and not without it', (query, code) => {
    expect(topFor(query)).toBe(code);
    expect(withoutSentences(query)[0]?.record.code).not.toBe(code);
  });

  // Builds a search of its own, seconds of work.
  it(
    'leaves a short query to the names: "requete incorrecte" is 400, not 421 by a situation’s words',
    { timeout: 20_000 },
    () => {
      const readingSituations = createSearch(catalogue, { ...searchTuning, situationMinTerms: 1 });
      expect(topFor('requete incorrecte')).toBe(400);
      expect(readingSituations('requete incorrecte')[0]?.record.code).toBe(421);
    },
  );
});

describe('a pasted line that says its own status', () => {
  // Each line also holds words or numbers that, read alone, point to another code.
  it.each([
    [
      'a combined access log line',
      '203.0.113.9 - - [07/Dec/2026:09:12:44 +0000] "GET /v1/items HTTP/1.1" 404 200 "-" "curl/8.5.0"',
      404,
    ],
    ['curl -v', '< HTTP/2 200\n< x-upstream-status: 504\n< x-ratelimit-remaining: 0', 200],
    ['a status line with its phrase', 'HTTP/1.1 302 Found\nX-Upstream-Error: 504 gateway timeout', 302],
    [
      "Heroku's router",
      'at=info method=POST path="/payments" host=shop.herokuapp.com dyno=web.1 connect=1ms service=30ms status=201 bytes=404 protocol=https',
      201,
    ],
    ['a JSON log', '{"level":"warn","msg":"request done","status":429,"bytes":200,"latency_ms":404}', 429],
    [
      'a JSON error body',
      '{"statusCode": 403, "error": "Forbidden", "message": "upstream said 401 Unauthorized: token missing"}',
      403,
    ],
    [
      'an AWS load balancer',
      'http 2026-12-07T09:12:44.123456Z app/web/50dc6c495c0c9188 192.0.2.1:4312 10.0.0.7:80 0.000 0.001 -1 502 - 404 0 "GET http://example.com:80/ HTTP/1.1" "curl/8.5.0"',
      502,
    ],
    [
      "Firefox's console after a CORS error",
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 502.',
      502,
    ],
    [
      'a GraphQL response with data beside its errors',
      '{"data":{"repository":null},"errors":[{"type":"NOT_FOUND","path":["repository"],"locations":[{"line":2,"column":3}],"message":"Could not resolve to a Repository with the name \'acme/payments-svc\'."}]}',
      200,
    ],
    [
      'a problem details body whose type links the section defining its status',
      '{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","errors":{"Email":["The Email field is required."]},"traceId":"00-4bf92f3577b34da6-00"}',
      400,
    ],
    [
      "Guzzle's exception, around a payload whose error another vendor names",
      'GuzzleHttp\\Exception\\ClientException: Client error: `GET https://api.example.com/v1/coupons/X` resulted in a `410 Gone` response: {"error":"ClientException"}',
      410,
    ],
    [
      "axios' error",
      'AxiosError: Request failed with status code 409 {"code":"resource_missing","expires_in":404}',
      409,
    ],
    [
      ".NET's HttpRequestException",
      'System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable). {"error":{"code":"resource_missing"}}',
      503,
    ],
    [
      "Jest's failed expectation, by the status received",
      '● POST /api/orders › creates an order\n\n    expect(received).toBe(expected)\n\n    Expected: 201\n    Received: 400',
      400,
    ],
    [
      "Cosmos DB's exception, naming its status by .NET's name for it",
      'Microsoft.Azure.Cosmos.CosmosException: Response status code does not indicate success: Conflict; Substatus: 0; Reason: {"code":"resource_missing"}',
      409,
    ],
    [
      "Ktor's exception, naming its status by its phrase",
      'io.ktor.client.plugins.ClientRequestException: Client request(GET https://api.example.com/v1/me) invalid: Unauthorized. Text: "{\\"error\\":\\"resource_missing\\"}"',
      401,
    ],
    [
      'a JSON status field holding a phrase the registry shares with a vendor',
      '{"status":"Unauthorized","error":{"code":"resource_missing"}}',
      401,
    ],
    ["supertest's failed expectation", 'Error: expected 204 "No Content", got 200 "OK"', 200],
    ["Chai's failed expectation", 'AssertionError: expected 503 to equal 200', 503],
    ["Go's table test", 'handler_test.go:42: handler returned wrong status code: got 400 want 201', 400],
    ["morgan's dev format, beside a size and a time", 'POST /api/orders 500 12.345 ms - 429', 500],
    [
      'the Stripe CLI forwarding an event',
      '2026-12-07 10:00:01  <--  [500] POST http://localhost:4242/webhook [evt_3P1aBcDeFgHiJkLm0aBcDeFg] rate_limit 429',
      500,
    ],
  ])('%s answers with the status it carries', (_name, line, code) => {
    expect(topFor(line)).toBe(code);
  });

  it('keeps every other reading of a line that has no status field', () => {
    expect(topFor('upstream timed out (110: Connection timed out) while reading response header from upstream')).toBe(
      504,
    );
    expect(topFor('HTTP ERROR 431')).toBe(431);
  });
});

describe("a product's own situations", () => {
  it('answers a question that names the product with the status it gives there', () => {
    expect(topFor('nginx limit_req turns excess requests away, which status')).toBe(503);
    expect(topFor('IIS request filtering blocks a body over maxAllowedContentLength')).toBe(404);
    // By an alias in parentheses: "Go net/http (Golang)", whose "go" two registry codes use.
    expect(topFor('golang net/http server rejects a request whose headers exceed MaxHeaderBytes')).toBe(431);
    // By its name without the company's: "API Gateway" of Amazon API Gateway.
    expect(topFor('my api gateway lambda authorizer rejects the token, what does the client receive')).toBe(401);
  });

  it('reads them only for a query that names the product', () => {
    expect(topFor('limit_req turns excess requests away, which status')).toBe(429);
    expect(topFor('apache sees a request header field bigger than its limit')).toBe(400);
    // Not by a word of its name that several codes use: "server" is Apache HTTP Server's too.
    expect(topFor('server sees a request header field bigger than its limit')).toBe(431);
  });

  it('weighs them by the situation told, not by the product’s name that many of them hold', () => {
    expect(topFor('django HttpResponseNotAllowed status')).toBe(405);
  });

  it('puts the product’s own answer above the textbook code its words also fit', () => {
    expect(topFor('Tyk: this key has used up its quota for the period, what does the gateway answer')).toBe(403);
    expect(topFor('python http.server SimpleHTTPRequestHandler gets a PUT it has no handler for')).toBe(501);
  });

  it('reads a few typed words beside a product’s name as a name to look up', () => {
    expect(topFor('bad gatway nginx')).toBe(502);
  });
});

describe('a situation told in words, not a payload', () => {
  it('weighs the API errors’ everyday words less than the situations’ own', () => {
    expect(
      topFor(
        'the upstream returned an html error page instead of json so we could not parse it, what status for our caller',
      ),
    ).toBe(502);
  });
});

describe('numbers that are not a status', () => {
  it('reads a number before a unit as a quantity', () => {
    expect(topFor('a client may make 100 requests per minute; what do I answer the one after that')).toBe(429);
  });
});

describe('words that say nothing of a code', () => {
  it('ignores a conjunction, whose rarity in the catalogue would otherwise make it count', () => {
    expect(topFor('a cookie grew so large that the server refuses the request because its headers are too big')).toBe(
      431,
    );
  });
});

describe('old phrases in every spelling, and every alias a framework defines', () => {
  // RFC 2068 and RFC 2616 §6.1.1 list these spellings beside the section titles' own.
  it.each([
    ['Request Time-out', 408],
    ['Gateway Time-out', 504],
    ['Request-URI Too Large', 414],
    ['Request-URI Too Long', 414],
  ])('finds "%s" on %i', (phrase, code) => {
    expect(topFor(phrase)).toBe(code);
  });

  // System.Net.HttpStatusCode's synonyms, typed with or without the type's name.
  it.each([
    ['Ambiguous', 300],
    ['Moved', 301],
    ['Redirect', 302],
    ['RedirectMethod', 303],
    ['RedirectKeepVerb', 307],
  ])('finds .NET’s %s on %i', (alias, code) => {
    expect(topFor(`HttpStatusCode.${alias}`)).toBe(code);
    expect(topFor(alias)).toBe(code);
  });
});

describe('search in other languages, with no setting', () => {
  // Our own queries: the held-out ones in test/relevance are never read here.
  it.each([
    ['Seite nicht gefunden', 404],
    ['zu viele Anfragen', 429],
    ['pagina no encontrada', 404],
    ['acceso denegado', 403],
    ['erreur interne du serveur', 500],
    ['serviço indisponível', 503],
    ['servico indisponivel', 503],
    ['richiesta non valida', 400],
    ['ページが見つかりません', 404],
    ['服务器内部错误', 500],
    ['未授权', 401],
    ['Слишком много запросов', 429],
    ['доступ запрещён', 403],
    ['доступ запрещен', 403],
  ])('finds "%s" on %i', (query, code) => {
    expect(topFor(query)).toBe(code);
  });

  it('cuts Japanese and Chinese into words, and folds Latin accents and ё', () => {
    expect(tokenize('请求过多')).toEqual(['请求', '过多']);
    expect(tokenize('見つかりません')).toEqual(['見つ', 'つか', 'かり', 'りま', 'せん']);
    // A single character before a word is read with it too: "未登录" (not logged in) is more than "登录".
    expect(tokenize('用户未登录')).toEqual(['用户', '未', '登录', '未登录']);
    expect(topFor('用户未登录应该返回什么状态码')).toBe(401);
    expect(stemsOf('Página não encontrada ещё')).toEqual(['pagina', 'nao', 'encontrada', 'еще']);
    // Marks of other scripts stay: が is not か.
    expect(stemsOf('ガイド')).toEqual(['ガイド']);
  });

  it('reads a word written with accents as its language’s, not as an English stem', () => {
    // "connecté" (logged in) is no "connect": the French question is 401's, not 408's by "connection".
    expect(otherLanguageTerm('connecté')).toBe('connecte');
    expect(otherLanguageTerm('connected')).toBe('connect');
    expect(topFor("quel code renvoyer quand l'utilisateur n'est pas connecté")).toBe(401);
    // Nor is it English for folding to an English word: "création" is 201's, though "creation" is a
    // word of 307's situations; written without accents, it is read as English.
    expect(topFor('code HTTP pour la création réussie d’un utilisateur')).toBe(201);
    expect(search('creation reussie').some((hit) => hit.matches.has('otherLanguages') && hit.record.code === 201)).toBe(
      false,
    );
  });

  it('skips the prepositions of Russian as of the other languages', () => {
    // "на" (on) is in 503's and 500's names; the question is about space on the server.
    expect(topFor('недостаточно места на сервере для сохранения')).toBe(507);
    expect(search('на для')).toEqual([]);
  });

  it('meets a word in another form by its first letters, and skips the words that frame a question', () => {
    const wholeWords = createSearch(catalogue, { ...searchTuning, otherLanguageStemLength: 40 });
    // "дубликате" is "дубликат" declined: whole words, the query finds nothing of 409.
    expect(topFor('какой ответ при дубликате записи')).toBe(409);
    expect(wholeWords('какой ответ при дубликате записи').map((hit) => hit.record.code)).not.toContain(409);
    // "ステータス" frames the question; 207's name ("複数のステータス") is not its subject.
    expect(topFor('メンテナンス中 ステータス')).toBe(503);
    // Nor do "which" and "to return": 204's names say "nothing to return", and "qual" is no Qualys.
    expect(topFor("quale codice restituire se l'utente non è loggato")).toBe(401);
    expect(search('qual status retornar')).toEqual([]);
  });

  it('keeps English words written in other languages’ names out of English queries', () => {
    // 405's names say "Allow-Header" and "GET statt POST": an English question about being allowed is 403's.
    expect(topFor('which code when user is logged in but not allowed to see the page')).toBe(403);
    // Nor does an English word meet another language's by its first letters: "modified" is no "modificado".
    const [first] = search('What status code when a user saves a document someone else modified in the meantime?');
    expect(first?.matches.has('otherLanguages')).toBe(false);
  });
});

describe('a situation told at length (catalogue/situations.json)', () => {
  it.each([
    ['the same idempotency key comes in again while the first request with it is still running', 409],
    ['customer wants to cancel an order that already shipped', 409],
    ['end date of the booking is before its start date', 422],
  ])('finds "%s" on %i', (query, code) => {
    expect(topFor(query)).toBe(code);
  });
});

describe('an API error code or a client exception (catalogue/api-errors.json)', () => {
  // Each answered with the status its vendor documents, which the words alone would not give.
  it.each([
    ['ActiveRecord::StaleObjectError', 409],
    ['FAILED_PRECONDITION', 400],
    ['ProvisionedThroughputExceededException', 400],
    ['InvalidClientTokenId', 403],
  ])('finds %s on %i', (name, code) => {
    expect(topFor(name)).toBe(code);
  });

  it('reads no identifier into a message that is an error’s name, where a compound word is only a word of it', () => {
    // Kong's error named by its message "Non-gRPC request matched gRPC route" is no `gRPC`.
    expect(statusOfIdentifier('grpc', new Set())).toBeUndefined();
    expect(topFor('my ALB target group is set to HTTP/1.1 and a gRPC call comes in')).toBe(464);
  });

  it('puts the status of an identifier a pasted payload holds whole first, when its vendors agree', () => {
    const unlifted = createSearch(catalogue, { ...searchTuning, identifierLift: 0 });
    const pasted =
      'botocore.errorfactory.ConditionalCheckFailedException: An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed';
    expect(topFor(pasted)).toBe(400);
    expect(unlifted(pasted)[0]?.record.code).not.toBe(400);
    // Most AWS APIs answer ValidationException with 400, others 422: the name alone says neither,
    // the vendor named beside it does.
    expect(statusOfIdentifier('validationexception', new Set())).toBeUndefined();
    const vendors = apiErrors.filter((error) => error.name === 'ValidationException');
    for (const { vendor, status } of vendors)
      if (vendors.filter((other) => other.status !== status).every((other) => other.vendor !== vendor))
        expect([vendor, statusOfIdentifier('validationexception', new Set(stemsOf(vendor)))]).toEqual([vendor, status]);
    // Laravel's is a 422, named in a stack trace by its namespace (Illuminate\Validation\…).
    expect(statusOfIdentifier('validationexception', new Set(stemsOf('Illuminate Validation')))).toBe(422);
    // DynamoDB's ResourceNotFoundException is a 400, Lambda's a 404.
    expect(statusOfIdentifier('resourcenotfoundexception', new Set())).toBeUndefined();
    expect(statusOfIdentifier('resourcenotfoundexception', new Set(['client', 'dynamodb']))).toBe(400);
    expect(statusOfIdentifier('resourcenotfoundexception', new Set(['aws', 'lambda']))).toBe(404);
    // A name that spells a phrase is the phrase's: a log category `Kestrel.BadRequests` is no 400.
    expect(statusOfIdentifier('badrequest', new Set())).toBeUndefined();
    // Named by nobody, the standard's status holds: RFC 6749's invalid_grant is a 400, Auth0's a 403.
    expect(statusOfIdentifier('invalidgrant', new Set())).toBe(400);
    expect(statusOfIdentifier('invalidgrant', new Set(['auth0']))).toBe(403);
    // So do the errors a cloud's services share: AWS's ThrottlingException is a 400, Bedrock's a 429.
    expect(statusOfIdentifier('throttlingexception', new Set(['kms']))).toBe(400);
    expect(statusOfIdentifier('throttlingexception', new Set(['bedrock']))).toBe(429);
    // A name that says more than its phrase does lift: openai.NotFoundError, Anthropic's not_found_error.
    expect(statusOfIdentifier('notfounderror', new Set())).toBe(404);
    expect(statusOfIdentifier('conditionalcheckfailedexception', new Set())).toBe(400);
    // A code in capitals is read whole, and a vendor named only in a URL still names it: Shopify's
    // THROTTLED comes inside a 200, API Gateway's with a 429.
    expect(
      topFor(
        '{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}]}',
      ),
    ).toBe(200);
    expect(statusOfIdentifier('throttled', new Set(stemsOf('Amazon API Gateway')))).toBe(429);
    // Of several identifiers, those of the vendor the payload names: Dropbox's SDK raises its ApiError
    // (Anthropic's api_error is a 500) around path/not_found, a 409.
    expect(
      topFor(
        "dropbox.exceptions.ApiError: ApiError('c1f0e3b2a9d84', DownloadError('path', LookupError('not_found', None)))  error_summary: \"path/not_found/..\"",
      ),
    ).toBe(409);
    // A payload's "code" says more than its "type", which several statuses share: Stripe's
    // invalid_request_error (Anthropic's is a 400) around resource_missing is a 404.
    expect(
      topFor(
        '{"error": {"code": "resource_missing", "message": "No such customer: \'cus_NffrFeUfNVxHib\'", "param": "customer", "type": "invalid_request_error"}}',
      ),
    ).toBe(404);
    // A single word a payload gives as a value names an error too: APNs' Unregistered is a 410.
    expect(topFor('APNs response: {"reason":"Unregistered","timestamp":1718123456789}')).toBe(410);
    // Under another vendor's namespace an identifier is that vendor's class: Stripe's
    // InvalidRequestError comes with 400 and 404 alike, and is not Anthropic's invalid_request_error.
    expect(underAnotherVendor('invalidrequesterror', ['stripe', 'error'])).toBe(true);
    expect(underAnotherVendor('notfounderror', ['anthropic'])).toBe(false);
    expect(
      topFor("stripe.error.InvalidRequestError: Request req_8sK2mQ1xZaLp0v: No such customer: 'cus_PqR7tY3uV9wXa1'"),
    ).toBe(404);
    // A fixed message given whole as a value names its error: GitHub's "Validation Failed" is a 422.
    expect(
      topFor(
        '{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists for acme:feature/login."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request"}',
      ),
    ).toBe(422);
    // A vendor named only in a stack trace's file paths still names it: Cognito answers its
    // NotAuthorizedException with 400.
    expect(
      topFor(
        'NotAuthorizedException: Incorrect username or password.\n    at de_CommandError (/var/task/node_modules/@aws-sdk/client-cognito-identity-provider/dist-cjs/index.js:4421:14)',
      ),
    ).toBe(400);
    // Written in capitals exactly as one vendor writes it, a name is that vendor's: Firebase's
    // EMAIL_EXISTS is a 400, Supabase's email_exists a 422; lower case is everyone's way.
    expect(statusOfIdentifier('emailexists', new Set(), new Set(['EMAIL_EXISTS']))).toBe(400);
    expect(statusOfIdentifier('emailexists', new Set(), new Set(['email_exists']))).toBeUndefined();
    // As spelled, not stemmed: GitHub's missing_field is a 422, Plaid's MISSING_FIELDS a 400.
    expect(statusOfIdentifier('missingfield', new Set())).toBe(422);
    expect(statusOfIdentifier('missingfields', new Set())).toBe(400);
    // A whole name only: DiscordAPIError is not Anthropic's api_error (500).
    expect(topFor('DiscordAPIError: Missing Permissions')).toBe(403);
    // A vendor's fixed message, in a line that names the vendor, says its status whatever the class:
    // Stripe's "No such customer" is its 404 though its InvalidRequestError also comes with 400.
    // Pasted and four words or more, it needs no vendor named: Twilio's 21211 is a 400.
    const stripeLine = "InvalidRequestError: No such customer: 'cus_1'";
    expect(statusesOfMessages(stripeLine, new Set(['stripe']), true)).toEqual([{ status: 404, named: true }]);
    expect(statusesOfMessages(stripeLine, new Set(), true)).toEqual([]);
    const twilioLine = "The 'To' number +1555010 is not a valid phone number. (code 21211)";
    expect(statusesOfMessages(twilioLine, new Set(), true)).toEqual([{ status: 400, named: false }]);
    expect(statusesOfMessages(twilioLine, new Set(), false)).toEqual([]);
    // A vendor is named by the whole words of its name, not a part ("SparkPost"'s "post") nor a word
    // the thesaurus reads as another ("Clerk Backend API"'s "backend" is every log's "upstream").
    const upstream = 'upstream replied: code is incorrect';
    expect(statusesOfMessages(upstream, new Set(stemsOf(upstream)), true)).toEqual([]);
    expect(statusesOfMessages(`clerk ${upstream}`, new Set(stemsOf(`clerk ${upstream}`)), true)).toEqual([
      { status: 422, named: true },
    ]);
    // A message of one word counts pasted or quoted as a body, with its vendor named: Mailgun answers
    // a wrong key with 401 and the body "Forbidden", but Shopify's GraphQL "Throttled" (a 200) is
    // not what a typed "shopify throttled" asks about.
    expect(topFor('Error sending via Mailgun: response body "Forbidden" from POST')).toBe(401);
    // Not one in lower case, an everyday word whoever prints it: CouchDB's reason "missing" (a 404)
    // is every validation error's "type":"missing" too.
    expect(topFor('{"detail":[{"type":"missing","loc":["body","email"],"msg":"Field required"}]}')).toBe(422);
    const shopifyQuestion = 'Shopify Admin API throttled leaky bucket exceeded what status';
    expect(statusesOfMessages(shopifyQuestion, new Set(stemsOf(shopifyQuestion)), false)).toEqual([]);
    expect(topFor("Stripe::InvalidRequestError: No such customer: 'cus_PqR7sT8uVwXyZ1'")).toBe(404);
    // A word in capitals beside another is a phrase shouted, not a code: gunicorn's WORKER TIMEOUT
    // is not tRPC's TIMEOUT (408).
    expect(identifiersOf('[CRITICAL] WORKER TIMEOUT (pid:42)')).not.toContain('timeout');
    expect(identifiersOf('TRPCClientError: TIMEOUT')).toEqual(['trpcclienterror', 'timeout']);
    // A vendor's numbered error lifts its status with the vendor named, in a code's place only: a
    // port ("POST … :3000") is not SparkPost's 3000.
    expect(
      statusesOfNumbers('DiscordAPIError[50013]: Missing Permissions', new Set(['discordapierror', 'discord'])),
    ).toEqual([403]);
    expect(statusesOfNumbers('error 50013', new Set(['error']))).toEqual([]);
    expect(statusesOfNumbers('POST http://10.1.2.3:3000/checkout', new Set(['post', 'checkout']))).toEqual([]);
    expect(statusesOfNumbers('SparkPost error 3000', new Set(['sparkpost', 'error']))).toEqual([422]);
    // So is a docs URL's /errors/ path, as Twilio's exceptions print it: its 20003 is a 401.
    const twilio = 'TwilioRestException: Authenticate\nMore information: https://www.twilio.com/docs/errors/20003';
    expect(statusesOfNumbers(twilio, new Set(['twilio']))).toEqual([401]);
    // A key that ends in "Code" is a code's place too: Postmark answers its ErrorCode 406 with 422.
    expect(statusesOfNumbers('Postmark API error: {"ErrorCode":406}', new Set(['postmark']))).toEqual([422]);
    expect(
      topFor('Task <1>.<1> finished with error [-1012] Error Domain=NSURLErrorDomain Code=-1012 "(null)" UserInfo={}'),
    ).toBe(401);
    // A name that spells another code's phrase is that phrase's, unless its vendor is named: S3's
    // PermanentRedirect is a 301.
    expect(statusOfIdentifier('permanentredirect', new Set())).toBeUndefined();
    expect(statusOfIdentifier('permanentredirect', new Set(['s3']))).toBe(301);
    // Tags joined by slashes are read whole: Dropbox's path/not_found is a 409 without its vendor
    // named, and Firebase's storage/object-not-found a 404, though their last parts are anyone's.
    expect(
      topFor('{"error_summary": "path/not_found/..", "error": {".tag": "path", "path": {".tag": "not_found"}}}'),
    ).toBe(409);
    expect(tagPathsOf('Object does not exist (storage/object-not-found)')).toEqual(['/storageobjectnotfound']);
    expect(statusOfIdentifier('/storageobjectnotfound', new Set())).toBe(404);
  });
});
