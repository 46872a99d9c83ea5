import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, loadCatalogue } from '../catalogue/catalogue.js';
import { withoutLogNoise } from '../catalogue/log-noise.js';
import { symptomSources, type SymptomRecord } from '../catalogue/records.js';
import { createSearch } from '../catalogue/search.js';
import { stemsOf } from '../catalogue/terms.js';
import statusCodesJson from '../catalogue/status-codes.json' with { type: 'json' };
import codeGuidesJson from '../catalogue/code-guides.json' with { type: 'json' };
import { catalogueProblems } from '../catalogue/validate.js';
import { createClient, SymptomSourceKey } from '../sdk/src/index.js';
import { startServer, type TestServer } from './helpers.js';

const search = createSearch(catalogue);
const { symptoms } = catalogue;

/** Ways a message reaches a search box: inside the lines of several logs, each with its own noise. */
const pastings: ReadonlyArray<readonly [string, (message: string) => string]> = [
  [
    'an nginx error log line',
    (message) =>
      `2026/12/01 09:14:07 [error] 31337#31337: *48213 ${message}, client: 198.51.100.23, server: shop.example.com, request: "POST /api/v2/carts/7781/items HTTP/1.1", upstream: "http://10.20.30.40:9000/api/v2/carts/7781/items", host: "shop.example.com"`,
  ],
  [
    'a JSON log record',
    (message) =>
      `{"level":"error","time":"2026-12-01T09:14:07.381Z","pid":4242,"hostname":"ip-10-0-12-201","reqId":"9f86d081-884c-4d63-a7b1-5b8e2c9d4f10","msg":"${message.replace(/"/g, '\\"')}","remoteAddress":"[2001:db8::4f]:53311","responseTime":30012}`,
  ],
  [
    'a syslog line with IPv4 and IPv6',
    (message) =>
      `Dec  1 09:14:07 edge-lb-02 proxy[2048]: 203.0.113.250:40404 -> [2001:db8:85a3::8a2e:370:7334]:8443 ${message} (after 15001ms, 104857600 bytes)`,
  ],
];

describe('symptoms', () => {
  it('holds at least 60 symptoms from at least 15 sources', () => {
    expect(symptoms.length).toBeGreaterThanOrEqual(60);
    expect(new Set(symptoms.map((symptom) => symptom.source)).size).toBeGreaterThanOrEqual(15);
  });

  it('passes the catalogue checks: unique ids and messages, known codes, examples holding their message', () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
    const [first] = symptoms;
    const broken = loadCatalogue(statusCodesJson, codeGuidesJson, [
      first,
      { ...first, code: 299, example: 'nothing here' },
    ]);
    expect(catalogueProblems(broken)).toEqual([
      `symptom ${first!.id}: id is not unique`,
      `symptom ${first!.id}: message is not unique`,
      `symptom ${first!.id}: points at unknown 299`,
      `symptom ${first!.id}: example does not contain the message`,
    ]);
  });

  it('refuses a symptom with an unknown source or a missing reference', () => {
    const [first] = symptoms;
    expect(() => loadCatalogue(statusCodesJson, codeGuidesJson, [{ ...first, source: 'LIGHTTPD' }])).toThrow(/source/);
    expect(() => loadCatalogue(statusCodesJson, codeGuidesJson, [{ ...first, reference: 'see the docs' }])).toThrow(
      /reference/,
    );
  });

  it('lists each code its own symptoms', () => {
    for (const symptom of symptoms) expect(catalogue.byCode.get(symptom.code)?.symptoms).toContain(symptom);
  });
});

describe('a pasted symptom', () => {
  it.each(symptoms.map((symptom) => [symptom.id, symptom] as const))(
    '%s: its example finds its code first, with the symptom first',
    (_id, symptom) => {
      const [first] = search(symptom.example);
      expect(first?.record.code).toBe(symptom.code);
      expect(first?.symptoms[0]?.id).toBe(symptom.id);
    },
  );

  // "AH01630", "H12", "ERR_TOO_MANY_REDIRECTS": the error's own name, with none of its message.
  const named = symptoms.flatMap((symptom) =>
    (symptom.message.match(/\b(?:[A-Za-z]+\d[\dA-Za-z]*|[A-Z]+(?:_[A-Z]+)+)\b/g) ?? [])
      .filter((name) => name.length >= 3)
      .map((name) => [name, symptom] as const),
  );
  it.each(named)('%s alone among other words finds its code first, with its symptom', (name, symptom) => {
    const [first] = search(`seeing ${name} again`);
    expect(first?.record.code).toBe(symptom.code);
    expect(first?.symptoms.map((found) => found.id)).toContain(symptom.id);
  });

  it.each([
    [
      "CloudFront's own reason over the title of all its error pages",
      "The request could not be satisfied. CloudFront wasn't able to resolve the origin domain name.",
      502,
    ],
    [
      "node-fetch's reason over axios's words",
      'FetchError: request to http://localhost:8080/api failed, reason: connect ECONNREFUSED 127.0.0.1:8080',
      502,
    ],
  ] as const)('lets the message of rarer words win between two held whole: %s', (_why, query, code) => {
    expect(search(query)[0]?.record.code).toBe(code);
  });

  it('takes a typed run of three words from inside a message as quoting it', () => {
    const [first] = search('too many redirects');
    expect(first?.record.code).toBe(301);
    expect(first?.symptoms.map((symptom) => symptom.id)).toContain('chrome-err-too-many-redirects');
  });

  it.each(pastings)('inside %s: every message finds its own code first', (_name, paste) => {
    const wrong = symptoms
      .map((symptom) => ({ id: symptom.id, code: symptom.code, found: search(paste(symptom.message))[0] }))
      .filter(({ id, code, found }) => found?.record.code !== code || found.symptoms[0]?.id !== id)
      .map(({ id, found }) => `${id}: ${found?.record.code} ${found?.symptoms[0]?.id}`);
    expect(wrong).toEqual([]);
  });

  /** The words of a text as search reads them, in a fixed order. */
  const wordsOf = (text: string) => [...new Set(stemsOf(text))].sort().join(' ');
  /** Each code with the words of its names (phrase, synonyms, former phrases, framework names), read once. */
  const namesOfCodes = catalogue.codes.map((record) => ({
    code: record.code,
    names: new Set(
      [
        record.phrase,
        ...record.synonyms,
        ...record.formerPhrases.map((former) => former.phrase),
        ...record.frameworkNames.map((entry) => entry.name),
      ].map(wordsOf),
    ),
  }));
  /** Other codes with a name of the same words as the symptom's message. */
  const namedBy = ({ message, code }: SymptomRecord) =>
    namesOfCodes.filter((named) => named.code !== code && named.names.has(wordsOf(message))).map((named) => named.code);

  it('alone: every message finds its own code first, unless it is word for word the name of another code', () => {
    const wrong = symptoms
      .filter((symptom) => namedBy(symptom).length === 0)
      .filter((symptom) => search(symptom.message)[0]?.record.code !== symptom.code)
      .map((symptom) => symptom.id);
    expect(wrong).toEqual([]);
  });

  it('alone, a message that names another code finds that code first, and still shows on its own code', () => {
    const named = symptoms.filter((symptom) => namedBy(symptom).length > 0);
    expect(named.map((symptom) => [symptom.id, namedBy(symptom)])).toEqual([
      ['nginx-request-header-or-cookie-too-large', [494]],
      ['nginx-plain-http-request-sent-to-https-port', [497]],
      ['nginx-no-required-ssl-certificate-was-sent', [496]],
      ['python-flask-wtf-csrf-token-has-expired', [419]],
    ]);
    for (const symptom of named) {
      const hits = search(symptom.message);
      expect(hits[0]?.record.code).toBe(namedBy(symptom)[0]);
      expect(hits.find((hit) => hit.record.code === symptom.code)?.symptoms).toContain(symptom);
    }
  });

  it('lets a code the line states outrank a symptom of another code, which still shows on its own code', () => {
    const chrome = symptoms.find((symptom) => symptom.id === 'chrome-currently-unable-to-handle-this-request')!;
    const hits = search(`This page isn’t working right now. localhost ${chrome.message} HTTP ERROR 431`);
    expect(hits[0]?.record.code).toBe(431);
    expect(hits.find((hit) => hit.record.code === chrome.code)?.symptoms).toEqual([chrome]);
  });

  it('lets a message of three words or fewer count only word for word', () => {
    const [first] = search('Requested Range Not Satisfiable');
    expect(first?.record.code).toBe(416);
    expect(search('Requested Range Not Satisfiable').flatMap((hit) => hit.symptoms)).toEqual([]);
    expect(search('CloudFront: The request could not be satisfied.')[0]?.symptoms.map((symptom) => symptom.id)).toEqual(
      ['aws-cloudfront-request-could-not-be-satisfied'],
    );
  });

  it('lifts a catalogued number among the words of a line', () => {
    expect(search('requests.exceptions.HTTPError: 503 Server Error: for url')[0]?.record.code).toBe(503);
    expect(search('curl: (22) The requested URL returned error: 403')[0]?.record.code).toBe(403);
    // An Envoy access-log line: its path and upstream say "payments", which alone would mean 402.
    const envoy =
      '[2026-12-01T09:14:07.381Z] "POST /v1/payments HTTP/2" 504 UT 0 24 15001 - "198.51.100.31" "okhttp/4.12.0" "a1b2c3d4-0000-4abc-8def-001122334455" "payments.svc:8443"';
    expect(search(envoy)[0]?.record.code).toBe(504);
  });

  it('reads at most 32 distinct words of a query', () => {
    const filler = Array.from(
      { length: 32 },
      (_, index) => `zz${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
    ).join(' ');
    expect(search(`${filler} teapot`)).toEqual([]);
    expect(search(`teapot ${filler}`)[0]?.record.code).toBe(418);
  });

  it('does not take two shared words for a symptom', () => {
    expect(search('connection refused').flatMap((hit) => hit.symptoms)).toEqual([]);
    expect(search('upstream header').flatMap((hit) => hit.symptoms)).toEqual([]);
  });

  it('leaves queries without a message as they were: no symptoms on any hit', () => {
    for (const query of ['rate limit', 'token expired', 'StatusNotFound', '5xx timeout']) {
      expect(search(query).flatMap((hit) => hit.symptoms)).toEqual([]);
    }
  });
});

describe('log noise', () => {
  it.each([
    ['an IPv4 address and port', 'client 203.0.113.101:4040', 'client '],
    ['IPv6 addresses', 'from 2001:db8::1 and [::1]:8080', 'from   and  '],
    ['a timestamp', '2026-12-01T09:14:07.381Z', ' '],
    ['an nginx date and time', '2026/12/01 09:14:07', ' '],
    ['an Apache access-log date', '[01/Dec/2026:09:14:07 +0000]', '[ ]'],
    ['a URL', 'upstream: "http://10.0.3.7:8080/v1/orders"', 'upstream: " "'],
    [
      'a quoted URL, up to its quote',
      '{"type":"https://mailchimp.com/docs/errors/","title":"Member Exists"}',
      '{"type":" ","title":"Member Exists"}',
    ],
    ['a request id', 'req 9f86d081-884c-4d63-a7b1-5b8e2c9d4f10', 'req  '],
    ['pids and connection numbers', '2811#2811: *90412', '  '],
    ['HAProxy timers', '0/0/1/-1/30002 504', '  504'],
    ['versions and decimals', 'nginx/1.25.3 excess: 20.500 by zone', 'nginx/ excess:   by zone'],
    ['generated host names', 'on ip-10-0-12-201 pod web-7f9c4-x2kq', 'on   pod  '],
  ])('drops %s', (_name, text, cleaned) => {
    expect(withoutLogNoise(text).replace(/\s+/g, ' ')).toBe(cleaned.replace(/\s+/g, ' '));
  });

  it.each([
    'StatusCode::BAD_GATEWAY',
    'http.StatusNotFound',
    'HTTP 404 Not Found',
    'res.status(201)',
    'Error 1020 Access denied',
    '(104: Connection reset by peer)',
  ])('keeps %j', (text) => {
    expect(withoutLogNoise(text)).toBe(text);
  });

  it("does not read an address's digits as codes", () => {
    const hits = search('upstream timed out, client: 203.0.113.101, server: 10.0.0.200');
    expect(hits.filter((hit) => hit.matches.has('number'))).toEqual([]);
    expect(hits[0]?.record.code).toBe(504);
  });
});

describe('symptoms over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('explains a pasted nginx line on the search edge, through the SDK', async () => {
    const client = createClient({ url: server.url });
    const line = symptoms.find((symptom) => symptom.id.startsWith('nginx-') && symptom.code === 502)!;
    const { search: found } = await client.search({ query: line.example, first: 3 });
    const [edge] = found!.edges;
    expect(edge?.node.code).toBe(502);
    expect(edge?.symptoms[0]).toEqual({
      id: Buffer.from(`Symptom:${line.id}`).toString('base64'),
      slug: line.id,
      source: { key: SymptomSourceKey.Nginx, name: 'nginx' },
      seenIn: line.seenIn,
      message: line.message,
      meaning: line.meaning,
      checkFirst: line.checkFirst,
    });
    expect(found!.edges.slice(1).flatMap((other) => other.symptoms)).toEqual([]);
  });

  it('lists the symptoms of a source, and of a code', async () => {
    const client = createClient({ url: server.url });
    const bySlug = (a: string, b: string) => (a < b ? -1 : 1);
    const { symptoms: listed } = await client.symptoms({ source: SymptomSourceKey.Nginx });
    expect(listed!.totalCount).toBe(symptoms.filter((symptom) => symptom.source === 'NGINX').length);
    expect(listed!.edges.map(({ node }) => node.slug)).toEqual(
      symptoms
        .filter((symptom) => symptom.source === 'NGINX')
        .map((symptom) => symptom.id)
        .sort(bySlug),
    );
    expect(
      listed!.edges.every(
        ({ node }) => node.statusCode.code === catalogue.symptoms.find((s) => s.id === node.slug)?.code,
      ),
    ).toBe(true);
    const { statusCode } = await client.statusCode({ code: 502 });
    expect(statusCode?.symptoms.edges.map(({ node }) => node.slug)).toEqual(
      catalogue.byCode
        .get(502)!
        .symptoms.map((symptom) => symptom.id)
        .sort(bySlug),
    );
  });

  it('carries at most 3 symptoms on a search edge, however many messages are pasted', async () => {
    const client = createClient({ url: server.url });
    const lines = symptoms.filter((symptom) => symptom.source === 'NGINX' && symptom.code === 502).slice(0, 5);
    expect(lines).toHaveLength(5);
    const { search: found } = await client.search({ query: lines.map((line) => line.message).join('\n'), first: 1 });
    expect(found!.edges[0]?.node.code).toBe(502);
    expect(found!.edges[0]?.symptoms).toHaveLength(3);
    expect(search(lines.map((line) => line.message).join('\n'))[0]?.symptoms.length).toBeGreaterThan(3);
  });

  it('names every source in the schema', () => {
    expect(Object.values(SymptomSourceKey).sort()).toEqual([...symptomSources].sort());
  });
});
