import { catalogue } from '../catalogue/catalogue.js';
import { symptomSources, type SymptomRecord, type SymptomSource } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, lengthsOf } from './cost.js';
import { StatusCode } from './status-code.js';
import { bySlug, globalIdWork, pageArgs, pageOf, pageWork } from './pagination.js';

/** Each source's display name, and what it covers when that is more than the name says. */
const sources: Record<SymptomSource, [name: string, covers?: string]> = {
  NGINX: ['nginx'],
  APACHE: ['Apache HTTP Server'],
  HAPROXY: ['HAProxy'],
  ENVOY: ['Envoy', 'Envoy and the service meshes built on it'],
  TRAEFIK: ['Traefik'],
  CADDY: ['Caddy'],
  CLOUDFLARE: ['Cloudflare'],
  AWS: ['Amazon Web Services', 'Amazon Web Services: load balancers, API Gateway, CloudFront, S3'],
  GOOGLE_CLOUD: ['Google Cloud'],
  AZURE: ['Microsoft Azure'],
  HEROKU: ['Heroku'],
  VERCEL: ['Vercel'],
  KUBERNETES: ['Kubernetes', 'Kubernetes and its ingress controllers'],
  CHROME: ['Chrome', 'Chrome and other Chromium browsers'],
  FIREFOX: ['Firefox'],
  SAFARI: ['Safari'],
  CURL: ['curl'],
  NODE: ['Node.js'],
  PYTHON: ['Python', 'Python and its HTTP libraries'],
  JAVA: ['Java', 'Java and its HTTP clients'],
  DOTNET: ['.NET'],
  PHP: ['PHP'],
  PHP_FPM: ['PHP-FPM'],
  GO: ['Go', 'Go and its net/http package'],
  RUBY: ['Ruby', 'Ruby, Rails and Rack servers'],
  VARNISH: ['Varnish', 'Varnish Cache'],
  FASTLY: ['Fastly'],
  KONG: ['Kong', 'Kong Gateway'],
  SQUID: ['Squid', 'Squid, the caching forward proxy'],
  NETLIFY: ['Netlify'],
  FLY: ['Fly.io', 'Fly.io and its proxy'],
};

export const SymptomSourceKeyEnum = builder.enumType('SymptomSourceKey', {
  description: "The software that prints a symptom's message. New software may be added: handle a key you do not know.",
  values: Object.fromEntries(
    symptomSources.map((source) => [source, { description: sources[source][1] ?? sources[source][0] }]),
  ) as Record<SymptomSource, { description: string }>,
});

const SymptomSourceRef = builder.objectRef<SymptomSource>('SymptomSource').implement({
  description: "The software that prints a symptom's message, as a key and a name to show.",
  fields: (t) => ({
    key: t.field({
      type: SymptomSourceKeyEnum,
      description: 'The software as an enum value, for filters.',
      resolve: (source) => source,
      extensions: cost({ bytes: enumBytes(symptomSources) }),
    }),
    name: t.string({
      description: 'Its name as people write it: "Apache HTTP Server", ".NET".',
      resolve: (source) => sources[source][0],
      extensions: cost({ bytes: bytesOf(symptomSources.map((source) => sources[source][0])) }),
    }),
  }),
});

const inSlugOrder = new WeakMap<readonly SymptomRecord[], readonly SymptomRecord[]>();

/** The symptoms of a list in slug order, the order every symptom connection pages in (sorted once per list). */
export function symptomsInOrder(symptoms: readonly SymptomRecord[]): readonly SymptomRecord[] {
  let sorted = inSlugOrder.get(symptoms);
  if (!sorted) inSlugOrder.set(symptoms, (sorted = [...symptoms].sort((a, b) => (a.id < b.id ? -1 : 1))));
  return sorted;
}

/** The sizes of one property of the symptoms over every catalogued symptom. */
const bytesOfEvery = (key: keyof SymptomRecord) => bytesOf(catalogue.symptoms.map((symptom) => symptom[key]));

export const Symptom = builder.objectRef<SymptomRecord>('Symptom');

builder.node(Symptom, {
  id: {
    resolve: (symptom) => symptom.id,
    extensions: cost({
      bytes: bytesOf(catalogue.symptoms.map(({ id }) => Buffer.from(`Symptom:${id}`).toString('base64'))),
      work: globalIdWork,
    }),
  },
  loadOne: (slug) => catalogue.symptoms.find((symptom) => symptom.id === slug) ?? null,
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'checkFirst' in value,
  description:
    'An error message as people meet it (a log line, a browser error, an error page), the status code the client sees with it, and what to check first. Search finds the symptom when its message is pasted, log line and all.',
  fields: (t) => ({
    slug: t.exposeString('id', {
      description: 'A stable, readable name: "nginx-upstream-timed-out".',
      extensions: cost({ bytes: bytesOfEvery('id') }),
    }),
    source: t.field({
      type: SymptomSourceRef,
      description: 'The software that prints it.',
      resolve: (symptom) => symptom.source,
      extensions: cost({}),
    }),
    seenIn: t.exposeString('seenIn', {
      description: 'Where it shows up: "error log", "browser console", "error page".',
      extensions: cost({ bytes: bytesOfEvery('seenIn') }),
    }),
    message: t.exposeString('message', {
      description: "The message's fixed text, as the software prints it.",
      extensions: cost({ bytes: bytesOfEvery('message') }),
    }),
    example: t.exposeString('example', {
      description: 'A whole line as someone would paste it: the message with its timestamp, addresses and numbers.',
      extensions: cost({ bytes: bytesOfEvery('example') }),
    }),
    statusCode: t.field({
      type: StatusCode,
      description: 'The status code the client sees.',
      // The catalogue test checks that every symptom's code exists.
      resolve: (symptom) => catalogue.byCode.get(symptom.code)!,
      extensions: cost({}),
    }),
    meaning: t.exposeString('meaning', {
      description: 'What happened.',
      extensions: cost({ bytes: bytesOfEvery('meaning') }),
    }),
    checkFirst: t.exposeString('checkFirst', {
      description: 'The first thing to check.',
      extensions: cost({ bytes: bytesOfEvery('checkFirst') }),
    }),
    reference: t.field({
      type: 'URL',
      resolve: (symptom) => symptom.reference,
      description: "The vendor's documentation of the message or the setting behind it.",
      extensions: cost({ bytes: bytesOfEvery('reference') }),
    }),
  }),
});

/** Every list of symptoms is a page of this connection: `symptoms`, a code's symptoms. */
export const SymptomConnection = builder.connectionObject(
  {
    type: Symptom,
    name: 'SymptomConnection',
    description: 'A page of symptoms, by slug.',
    edgesField: { extensions: cost({ length: lengthsOf([catalogue.symptoms]), owned: true }) },
    fields: (tc) => ({
      totalCount: tc.int({
        description: 'How many symptoms the list holds, across all pages.',
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        extensions: cost({ bytes: bytesOf([catalogue.symptoms.length]) }),
      }),
    }),
  },
  {
    name: 'SymptomEdge',
    description: 'A symptom in a list, with its cursor.',
    nodeField: { description: 'The symptom.', extensions: cost({ owned: true }) },
  },
);

const allSymptoms = symptomsInOrder(catalogue.symptoms);

builder.queryFields((t) => ({
  symptoms: t.connection(
    {
      type: Symptom,
      nullable: true,
      description:
        'Every error message the catalogue explains, or those of one software, by slug: `first` or `last` says how many (at most 100).',
      args: {
        source: t.arg({
          type: SymptomSourceKeyEnum,
          description: "Only this software's messages; all when omitted.",
        }),
      },
      validate: pageArgs,
      resolve: (_root, { source, ...args }) =>
        pageOf(args, source ? allSymptoms.filter((symptom) => symptom.source === source) : allSymptoms, bySlug()),
      extensions: cost({ owned: true, work: pageWork }),
    },
    SymptomConnection,
  ),
}));
