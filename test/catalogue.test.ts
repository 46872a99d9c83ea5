import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { catalogue, loadCatalogue } from '../catalogue/catalogue.js';
import { classOf, statusClasses } from '../catalogue/classes.js';
import { quickGuide } from '../catalogue/quick-guide.js';
import { catalogueProblems } from '../catalogue/validate.js';
import { apiErrorNamesOf, apiErrors } from '../catalogue/api-errors.js';
import { vendorSituations, vendorsNamedBy } from '../catalogue/vendor-situations.js';
import { codesWithSituations, situationsOf } from '../catalogue/situations.js';
import { namesInOtherLanguages, otherLanguages } from '../catalogue/other-languages.js';
import { ianaRegistry } from './iana-registry.js';
import { seedCards, seedQuickGuide } from './seed-page.js';

const record = (code: number) => {
  const found = catalogue.byCode.get(code);
  if (!found) throw new Error(`${code} is not catalogued`);
  return found;
};

describe('catalogue', () => {
  it('passes its own consistency checks', () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it('holds the 64 registry codes and 32 unofficial ones, sorted by code', () => {
    const official = catalogue.codes.filter((entry) => entry.registration !== 'UNOFFICIAL');
    expect(official).toHaveLength(64);
    expect(catalogue.codes).toHaveLength(96);
    expect(catalogue.codes.map((entry) => entry.code)).toEqual([...catalogue.byCode.keys()].sort((a, b) => a - b));
  });

  it.each(ianaRegistry)('registers %i with the exact phrase "%s"', (code, phrase) => {
    expect(record(code).phrase).toBe(phrase);
    expect(record(code).registration).not.toBe('UNOFFICIAL');
  });

  it('has no registry code the outside list lacks', () => {
    const official = catalogue.codes.filter((entry) => entry.registration !== 'UNOFFICIAL').map((entry) => entry.code);
    expect(official).toEqual(ianaRegistry.map(([code]) => code));
  });

  it("covers every code in Node's http.STATUS_CODES", () => {
    const missing = Object.keys(STATUS_CODES)
      .map(Number)
      .filter((code) => !catalogue.byCode.has(code));
    expect(missing).toEqual([]);
  });

  it('marks 104 as a temporary registration with its expiry date', () => {
    expect(record(104)).toMatchObject({ registration: 'TEMPORARY', registrationExpires: '2026-11-13' });
    expect(record(104).description).toMatch(/temporar/i);
  });

  it('keeps former phrases of 413, 422 and 418', () => {
    expect(record(413).formerPhrases.map((former) => former.phrase)).toEqual(
      expect.arrayContaining(['Payload Too Large', 'Request Entity Too Large']),
    );
    expect(record(422).formerPhrases.map((former) => former.phrase)).toContain('Unprocessable Entity');
    expect(record(418).formerPhrases.map((former) => former.phrase)).toContain("I'm a teapot");
  });

  it('marks 305 deprecated, 102 and 510 obsolete, 306 and 418 reserved, 420 and 527 retired, and nothing else', () => {
    expect(
      catalogue.codes.flatMap((entry) => (entry.deprecation ? [`${entry.code} ${entry.deprecation.kind}`] : [])),
    ).toEqual([
      '102 OBSOLETE',
      '305 DEPRECATED',
      '306 RESERVED',
      '418 RESERVED',
      '420 RETIRED',
      '510 OBSOLETE',
      '527 RETIRED',
    ]);
  });

  it.each([218, 430, 444, 450, 464, 499, 509, 520, 521, 522, 523, 524, 525, 526, 529, 540, 598, 599])(
    'marks %i unofficial with a vendor',
    (code) => {
      expect(record(code).registration).toBe('UNOFFICIAL');
      expect(record(code).vendor).toBeTruthy();
      expect(record(code).specification).toBeNull();
    },
  );

  it('lists the other meanings of 499 and 420', () => {
    expect(record(499)).toMatchObject({ phrase: 'Client Closed Request', vendor: 'nginx' });
    expect(record(499).otherMeanings).toEqual([expect.objectContaining({ phrase: 'Token Required' })]);
    expect(record(420).otherMeanings).toEqual([expect.objectContaining({ phrase: 'Method Failure' })]);
  });

  it('allows no content on 1xx, 204, 205 and 304', () => {
    const bodiless = catalogue.codes.filter((entry) => !entry.bodyAllowed).map((entry) => entry.code);
    expect(bodiless).toEqual(expect.arrayContaining([100, 101, 102, 103, 104, 204, 205, 304]));
    expect(bodiless.filter((code) => code >= 200 && code < 400)).toEqual([204, 205, 304]);
  });

  it('marks exactly the RFC 9110 section 15.1 codes (and 451) cacheable by default', () => {
    const cacheable = catalogue.codes.filter((entry) => entry.cacheableByDefault).map((entry) => entry.code);
    expect(cacheable).toEqual([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]);
  });

  it.each([
    [401, 'WWW-Authenticate'],
    [405, 'Allow'],
    [407, 'Proxy-Authenticate'],
    [429, 'Retry-After'],
    [503, 'Retry-After'],
    [301, 'Location'],
    [101, 'Upgrade'],
  ])('lists the header %i goes with: %s', (code, header) => {
    expect(record(code).headers.map((entry) => entry.name)).toContain(header);
  });

  it('cites RFC 9110 section 15.5.5 for 404', () => {
    expect(record(404).specification).toEqual({
      document: 'RFC 9110',
      section: '15.5.5',
      url: 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5',
    });
  });

  it('files every code under the class of its first digit', () => {
    for (const entry of catalogue.codes) expect(classOf(entry.code)?.minCode).toBe(Math.floor(entry.code / 100) * 100);
  });

  it('rejects a data file that breaks the schema, naming the field', () => {
    expect(() => loadCatalogue([{ code: 404, phrase: '' }], [])).toThrow(/phrase/);
  });

  it.each([
    [218, 'Apache HTTP Server'],
    [430, 'Shopify'],
    [450, 'Microsoft'],
    [464, 'AWS Elastic Load Balancing'],
    [529, 'Qualys SSL Labs'],
    [540, 'Shopify'],
  ])('carries %i, which widely used lists carry, from %s', (code, vendor) => {
    expect(record(code).vendor).toBe(vendor);
  });

  it.each(['status-codes.json', 'code-guides.json', 'symptoms.json'])(
    'stores %s deterministically formatted',
    (file) => {
      const text = readFileSync(new URL(`../catalogue/${file}`, import.meta.url), 'utf8');
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    },
  );
});

describe('seed page', () => {
  const cards = seedCards();

  it('parses 22 cards', () => {
    expect(cards.map((card) => card.code)).toHaveLength(22);
  });

  it.each(cards)('serves the seed text for $code', ({ code, classLine, description, commonUsage }) => {
    expect(record(code).description).toBe(description);
    expect(record(code).commonUsage).toBe(commonUsage);
    expect(classLine).toBe(`${classOf(code)?.range} ${classOf(code)?.label}`);
  });

  it('serves its quick guide', () => {
    expect(quickGuide).toEqual(seedQuickGuide());
  });
});

describe('facts an audit against the RFCs and the vendors corrected', () => {
  const header = (code: number, name: string) => record(code).headers.find((entry) => entry.name === name)?.requirement;

  it.each([
    ['226 must carry an ETag (RFC 3229 §10.4.1)', () => header(226, 'ETag'), 'MUST'],
    [
      '413 should say Retry-After when the limit is temporary (RFC 9110 §15.5.14)',
      () => header(413, 'Retry-After'),
      'SHOULD',
    ],
    [
      '408 no longer requires Connection: close (RFC 9110 §15.5.9; it was RFC 7231)',
      () => header(408, 'Connection'),
      'CONVENTION',
    ],
    [
      "408's note says RFC 7231 had a SHOULD, not a requirement (second audit; RFC 7231 §6.5.7)",
      () =>
        /RFC 7231 said a server SHOULD send it/.test(
          record(408).headers.find((entry) => entry.name === 'Connection')!.note,
        ) && !/requires/.test(record(408).headers.find((entry) => entry.name === 'Connection')!.note),
      true,
    ],
    [
      '206 with several ranges must say multipart/byteranges (RFC 9110 §15.3.7.2)',
      () => header(206, 'Content-Type'),
      'MUST',
    ],
    ['507 is not repeated until the user acts again (RFC 4918 §11.5)', () => record(507).retryable, false],
    ['511 needs the user to sign in to the network first', () => record(511).retryable, false],
    ['449 needs the request to change', () => record(449).retryable, false],
    [
      "Cloudflare's 524 read timeout is 120 s by default",
      () => /120 seconds by default/.test(record(524).description),
      true,
    ],
    [
      '522 also covers an origin that accepted the connection but did not acknowledge the request',
      () => /did not acknowledge/.test(record(522).description),
      true,
    ],
    [
      '303 is defined by its Location, with no requirement keyword (RFC 9110 §15.4.4)',
      () => header(303, 'Location'),
      'DEFINITION',
    ],
    [
      '301 and 302 keep their Location a SHOULD',
      () => `${header(301, 'Location')} ${header(302, 'Location')}`,
      'SHOULD SHOULD',
    ],
    [
      "Cloudflare's 520 page says the web server is returning an unknown error",
      () => record(520).phrase,
      'Web Server Is Returning an Unknown Error',
    ],
  ] as const)('%s', (_fact, read, expected) => {
    expect(read()).toBe(expected);
  });
});

describe('facts a second audit against the sources corrected', () => {
  const header = (code: number, name: string) => record(code).headers.find((entry) => entry.name === name)?.requirement;
  const symptom = (id: string) => catalogue.symptoms.find((entry) => entry.id === id)!;

  it.each([
    [
      '104 must say Location (draft-ietf-httpbis-resumable-upload, "Upload Creation: Server Behavior")',
      () => header(104, 'Location'),
      'MUST',
    ],
    [
      '104 must say Upload-Limit when the server has limits (the same draft)',
      () => header(104, 'Upload-Limit'),
      'MUST',
    ],
    ['a 415 to a PATCH should say Accept-Patch (RFC 5789 §2.2)', () => header(415, 'Accept-Patch'), 'SHOULD'],
    ["440 is Microsoft's Login Time-out", () => record(440).phrase, 'Login Time-out'],
    [
      '527 is retired with Railgun, and not worth retrying',
      () => [record(527).deprecation?.kind, record(527).retryable],
      ['RETIRED', false],
    ],
    [
      'httpd has no 218: it is folklore, and ProxyErrorOverride On replaces the body (http_protocol.c, mod_proxy)',
      () => [
        /not a status Apache sends/.test(record(218).description),
        /replaces a backend's error body/.test(record(218).description),
      ],
      [true, true],
    ],
    [
      'nginx answers and logs 400 for 494–497 (err_status = 400 in ngx_http_special_response.c)',
      () => [494, 495, 496, 497].map((code) => /logs 49\d/.test(record(code).commonUsage)),
      [false, false, false, false],
    ],
    [
      'the nginx symptoms say the access log records 400, not 494 or 497',
      () =>
        ['nginx-request-header-or-cookie-too-large', 'nginx-plain-http-request-sent-to-https-port'].map((id) =>
          /the access log records 400/.test(symptom(id).meaning),
        ),
      [true, true],
    ],
    [
      "Chrome's module-script error is matched in its 2025 wording too (JavaScript-or-Wasm)",
      () =>
        symptom('chrome-failed-to-load-module-script-mime-type').example.includes('JavaScript-or-Wasm module script'),
      true,
    ],
    [
      "curl's (18) outstanding read data is a chunked body cut short (lib/http_chunks.c)",
      () => /chunked body/.test(symptom('curl-18-transfer-closed-with-outstanding-read-data').meaning),
      true,
    ],
    [
      "Traefik's port is missing means no port is exposed: with several it takes the lowest",
      () => /takes the lowest/.test(symptom('traefik-service-error-port-is-missing').meaning),
      true,
    ],
    [
      'Apache 2.4 still prints Premature end of script headers (server/util_script.c)',
      () => /Apache 2\.4 still prints this/.test(symptom('apache-premature-end-of-script-headers').meaning),
      true,
    ],
    [
      "Twitter's 420 example uses the v1 Search API; REST v1.1 answered 429",
      () => catalogue.byCode.get(420)!.exampleExchange?.startsWith('GET /search.json?'),
      true,
    ],
    [
      "413 and 520 open in our own words, not RFC 9110 §15.5.14's or Cloudflare's",
      () => [
        record(413).description.includes('larger than the server is willing or able to process'),
        record(520).description.includes('an empty, unknown or unexpected response'),
      ],
      [false, false],
    ],
    [
      "the catalogue's own 401/403 sentences do not say a 403's caller is identified (RFC 9110 §15.5.4)",
      () =>
        [
          [401, 403],
          [403, 401],
        ].map(([from, to]) =>
          /identified|knows and still/.test(
            catalogue.byCode.get(from!)!.confusedWith.find((entry) => entry.code === to)!.difference,
          ),
        ),
      [false, false],
    ],
    [
      "Spring's deprecated 419 and 421 and Anthropic's 529 (overloaded_error) are other meanings of those numbers",
      () =>
        [419, 421, 529].map((code) =>
          record(code).otherMeanings.map((meaning) => `${meaning.vendor}: ${meaning.phrase}`),
        ),
      [['Spring: Insufficient Space On Resource'], ['Spring: Destination Locked'], ['Anthropic: Overloaded']],
    ],
    [
      'the 4xx class text names every registered 4xx a client may resend unchanged (408, 421, 423, 425, 429)',
      () => {
        const text = statusClasses.find((entry) => entry.kind === 'CLIENT_ERROR')!.description;
        return catalogue.codes
          .filter(
            (entry) => entry.code >= 400 && entry.code < 500 && entry.retryable && entry.registration !== 'UNOFFICIAL',
          )
          .map((entry) => text.includes(String(entry.code)));
      },
      [true, true, true, true, true],
    ],
    [
      'vendor codes with no reason phrase of their own say so (444, 460, 463, 464, 530)',
      () =>
        [444, 460, 463, 464, 530].map((code) =>
          /no reason phrase|without a reason phrase/.test(record(code).description),
        ),
      [true, true, true, true, true],
    ],
    [
      "104's description does not claim a lapse date that has passed is still ahead",
      () => /expiring on/.test(record(104).description),
      false,
    ],
  ] as const)('%s', (_fact, read, expected) => {
    expect(read()).toEqual(expected);
  });
});

describe('framework names that need a recent release', () => {
  const names = (code: number, framework: string) =>
    record(code)
      .frameworkNames.filter((entry) => entry.framework === framework)
      .map((entry) => [entry.name, entry.since ?? null]);

  it.each([
    [413, 'HTTPStatus.CONTENT_TOO_LARGE', 'HTTPStatus.REQUEST_ENTITY_TOO_LARGE'],
    [414, 'HTTPStatus.URI_TOO_LONG', 'HTTPStatus.REQUEST_URI_TOO_LONG'],
    [416, 'HTTPStatus.RANGE_NOT_SATISFIABLE', 'HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE'],
    [422, 'HTTPStatus.UNPROCESSABLE_CONTENT', 'HTTPStatus.UNPROCESSABLE_ENTITY'],
  ])('names %i in Python 3.13 and by the alias older releases know', (code, current, alias) => {
    expect(names(code, 'PYTHON')).toEqual([
      [current, '3.13'],
      [alias, null],
    ]);
  });

  it('names 422 in Rack 3.1 and by the symbol older releases know', () => {
    expect(names(422, 'RAILS')).toEqual([
      [':unprocessable_content', 'Rack 3.1'],
      [':unprocessable_entity', null],
    ]);
  });
});

describe('names in other languages (catalogue/other-languages.json)', () => {
  it('names registry codes in all eight languages: a phrase and two to eight terms of at most four words', () => {
    const problems: string[] = [];
    const seen = new Set<number>();
    for (const [code, languages] of namesInOtherLanguages) {
      if (!catalogue.byCode.has(code) || catalogue.byCode.get(code)!.registration === 'UNOFFICIAL')
        problems.push(`${code} is no registry code`);
      if (seen.has(code)) problems.push(`${code} twice`);
      seen.add(code);
      for (const language of otherLanguages) {
        const names = languages[language];
        if (!names?.phrase.trim()) problems.push(`${code} ${language}: no phrase`);
        if (!names || names.terms.length < 2 || names.terms.length > 8) problems.push(`${code} ${language}: terms`);
        for (const term of names?.terms ?? [])
          if (term.trim().split(/\s+/).length > 4) problems.push(`${code} ${language}: "${term}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(namesInOtherLanguages.size).toBe(57);
  });
});

describe('situations (catalogue/situations.json)', () => {
  it('tells each code’s situations in one sentence each, without its number or phrase', () => {
    const problems: string[] = [];
    for (const code of codesWithSituations()) {
      const record = catalogue.byCode.get(code);
      const situations = situationsOf(code);
      if (!record) problems.push(`${code} is not catalogued`);
      if (situations.length < 1 || situations.length > 12) problems.push(`${code}: ${situations.length} situations`);
      for (const situation of situations) {
        const words = situation.split(/\s+/).length;
        if (words < 5 || words > 20 || !/[.?]$/.test(situation)) problems.push(`${code}: "${situation}"`);
        if (situation.includes(String(code)) || (record && new RegExp(`\\b${record.phrase}\\b`, 'i').test(situation)))
          problems.push(`${code} names itself: "${situation}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(codesWithSituations().length).toBe(64);
    expect(codesWithSituations().flatMap((code) => situationsOf(code)).length).toBe(594);
  });
});

describe('vendor situations (catalogue/vendor-situations.json)', () => {
  it('tells each in one sentence without its number, with a catalogued status and its vendor’s own page', () => {
    const problems = vendorSituations.flatMap(({ vendor, status, situation, source }) => {
      const words = situation.split(/\s+/).length;
      return [
        ...(catalogue.byCode.has(status) ? [] : [`${situation}: ${status} is not catalogued`]),
        ...(words >= 6 && words <= 28 && /\.$/.test(situation) ? [] : [`${vendor}: "${situation}"`]),
        ...(new RegExp(`\\b${status}\\b`).test(situation) ? [`${vendor} names its number: "${situation}"`] : []),
        ...(/^https:\/\/\S+$/.test(source) ? [] : [`${vendor}: source ${source}`]),
        ...(vendor.trim() ? [] : [`${situation}: no vendor`]),
      ];
    });
    expect(problems).toEqual([]);
    expect(new Set(vendorSituations.map(({ situation }) => situation)).size).toBe(vendorSituations.length);
    expect(vendorSituations.length).toBe(2408);
  });

  it('names a vendor by a word that names few families of vendors', () => {
    const none = () => 0;
    expect([...vendorsNamedBy(new Set(['nginx']), none).vendors]).toContain('nginx');
    expect([...vendorsNamedBy(new Set(['azur']), none).vendors]).toEqual(
      expect.arrayContaining(['Azure Blob Storage', 'Azure Front Door']),
    );
    expect(vendorsNamedBy(new Set(['api']), none).vendors.size).toBe(0);
  });

  it('names a vendor by its first word and aliases, by its other words only where the catalogue never uses them', () => {
    const codesUsing = (word: string) => (word === 'app' ? 1 : 0);
    expect(vendorsNamedBy(new Set(['app']), codesUsing).vendors.size).toBe(0);
    expect([...vendorsNamedBy(new Set(['blob']), codesUsing).vendors]).toEqual(['Azure Blob Storage']);
    expect([...vendorsNamedBy(new Set(['alb']), () => 1).vendors]).toEqual(['AWS Application Load Balancer (ALB)']);
  });

  it('names a vendor by the words of its name past the company’s, in order, unless they end in a kind of thing', () => {
    const uses = (word: string) => ({ cloud: 1, run: 2, api: 17, server: 41 })[word] ?? 0;
    expect([...vendorsNamedBy(new Set(['cloud', 'run']), uses, ['cloud', 'run']).vendors]).toEqual([
      'Google Cloud Run',
    ]);
    expect(vendorsNamedBy(new Set(['cloud', 'run']), uses, ['run', 'cloud']).vendors.size).toBe(0);
    // "API server" of Kubernetes's is every API's server.
    expect(vendorsNamedBy(new Set(['api', 'server']), uses, ['api', 'server']).vendors.size).toBe(0);
    // Not even its own word, where two registry codes use it.
    expect(vendorsNamedBy(new Set(['alb']), () => 2).vendors.size).toBe(0);
  });
});

describe('API errors (catalogue/api-errors.json)', () => {
  it('gives each a catalogued status, a meaning in one sentence and its vendor’s own page', () => {
    const problems = apiErrors.flatMap((error) => {
      const words = error.meaning.split(/\s+/).length;
      return [
        ...(catalogue.byCode.has(error.status) ? [] : [`${error.name}: ${error.status} is not catalogued`]),
        ...(words >= 8 && words <= 20 ? [] : [`${error.name}: meaning of ${words} words`]),
        ...(/^https:\/\/\S+$/.test(error.source) ? [] : [`${error.name}: source ${error.source}`]),
        ...(error.vendor.trim() ? [] : [`${error.name}: no vendor`]),
      ];
    });
    expect(problems).toEqual([]);
    const named = apiErrors.map((error) => `${error.vendor} ${error.name}`);
    expect(new Set(named).size).toBe(named.length);
    expect(apiErrors.length).toBe(2436);
  });

  it('lends search a fixed message without its status’s phrase, which names the code already', () => {
    // Telegram's "Forbidden: bot was blocked by the user" is read as its own words.
    expect(apiErrorNamesOf(403)).toEqual(
      expect.arrayContaining(['Resource not accessible by integration', 'bot was blocked by the user']),
    );
    expect(apiErrorNamesOf(403)).not.toContain('Forbidden: bot was blocked by the user');
  });

  it('lends search no plain word and no name that spells another code', () => {
    const read = new Set([...catalogue.byCode.keys()].flatMap((code) => apiErrorNamesOf(code)));
    for (const plain of ['missing', 'invalid', 'custom', 'INTERNAL', 'CANCELLED', 'PermanentRedirect'])
      expect(read.has(plain)).toBe(false);
    expect(apiErrorNamesOf(409)).toEqual(expect.arrayContaining(['ActiveRecord::StaleObjectError', 'ALREADY_EXISTS']));
  });
});
