import { catalogue } from '../catalogue/catalogue.js';
import { symptomSources, type SymptomRecord, type SymptomSource } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes, lengthsOf } from './cost.js';
import { StatusCode } from './status-code.js';

const sourceNames: Record<SymptomSource, string> = {
  NGINX: 'nginx',
  APACHE: 'Apache HTTP Server',
  HAPROXY: 'HAProxy',
  ENVOY: 'Envoy (and meshes built on it)',
  TRAEFIK: 'Traefik',
  CADDY: 'Caddy',
  CLOUDFLARE: 'Cloudflare',
  AWS: 'Amazon Web Services: load balancers, API Gateway, CloudFront, S3',
  GOOGLE_CLOUD: 'Google Cloud',
  AZURE: 'Microsoft Azure',
  HEROKU: 'Heroku',
  VERCEL: 'Vercel',
  KUBERNETES: 'Kubernetes and its ingress controllers',
  CHROME: 'Chrome and other Chromium browsers',
  FIREFOX: 'Firefox',
  SAFARI: 'Safari',
  CURL: 'curl',
  NODE: 'Node.js',
  PYTHON: 'Python and its HTTP libraries',
  JAVA: 'Java and its HTTP clients',
  DOTNET: '.NET',
  PHP: 'PHP',
  PHP_FPM: 'PHP-FPM',
  GO: 'Go and its net/http package',
  RUBY: 'Ruby, Rails and Rack servers',
};

export const SymptomSourceEnum = builder.enumType('SymptomSource', {
  description: "The software that prints a symptom's message.",
  values: Object.fromEntries(symptomSources.map((source) => [source, { description: sourceNames[source] }])) as Record<
    SymptomSource,
    { description: string }
  >,
});

/** The sizes of one property of the symptoms over every catalogued symptom. */
const bytesOfEvery = (key: keyof SymptomRecord) => bytesOf(catalogue.symptoms.map((symptom) => symptom[key]));

export const Symptom = builder.objectRef<SymptomRecord>('Symptom').implement({
  description:
    'An error message as people meet it (a log line, a browser error, an error page), the status code the client sees with it, and what to check first. Search finds the symptom when its message is pasted, log line and all.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'A stable name: "nginx-upstream-timed-out".',
      extensions: cost({ bytes: bytesOfEvery('id') }),
    }),
    source: t.field({
      type: SymptomSourceEnum,
      description: 'The software that prints it.',
      resolve: (symptom) => symptom.source,
      extensions: cost({ bytes: enumBytes(symptomSources) }),
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
    reference: t.exposeString('reference', {
      description: "The vendor's documentation of the message or the setting behind it.",
      extensions: cost({ bytes: bytesOfEvery('reference') }),
    }),
  }),
});

builder.queryFields((t) => ({
  symptoms: t.field({
    type: [Symptom],
    description: 'Every error message the catalogue explains, or those of one source, in catalogue order.',
    args: {
      source: t.arg({ type: SymptomSourceEnum, description: "Only this software's messages; all when omitted." }),
    },
    resolve: (_root, { source }) =>
      source ? catalogue.symptoms.filter((symptom) => symptom.source === source) : catalogue.symptoms,
    extensions: cost({ length: lengthsOf([catalogue.symptoms]), owned: true }),
  }),
}));
