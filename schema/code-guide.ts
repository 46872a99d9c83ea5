import { catalogue } from '../catalogue/catalogue.js';
import { frameworks, type ConfusionRecord, type Framework, type FrameworkNameRecord } from '../catalogue/records.js';
import { builder } from './builder.js';
import { bytesOf, cost, enumBytes } from './cost.js';
import { StatusCode } from './status-code.js';

/** Each framework's display name, and what its names are. */
const frameworkNamings: Record<Framework, [name: string, description: string]> = {
  NODE: ['Node.js', 'Node.js: the reason phrase in `http.STATUS_CODES`, e.g. "Not Found".'],
  PYTHON: ['Python', 'Python standard library: `http.HTTPStatus` members, e.g. `HTTPStatus.NOT_FOUND`.'],
  GO: ['Go', 'Go standard library: `net/http` constants, e.g. `http.StatusNotFound`.'],
  DOTNET: ['.NET', '.NET: `System.Net.HttpStatusCode` members, e.g. `HttpStatusCode.NotFound`.'],
  SPRING: [
    'Spring Framework',
    'Spring Framework: `org.springframework.http.HttpStatus` constants, e.g. `HttpStatus.NOT_FOUND`.',
  ],
  JAVA: [
    'Java SE',
    'Java SE: `java.net.HttpURLConnection` constants, e.g. `HttpURLConnection.HTTP_NOT_FOUND` (it names no code above 505).',
  ],
  RUST: ['Rust http crate', 'Rust `http` crate: `StatusCode` constants, e.g. `StatusCode::NOT_FOUND`.'],
  RAILS: ['Ruby on Rails', 'Ruby on Rails (Rack): status symbols, e.g. `:not_found`.'],
};

export const FrameworkKeyEnum = builder.enumType('FrameworkKey', {
  description:
    'A web framework or standard library with its own names for status codes. More may be added: handle a key you do not know.',
  values: Object.fromEntries(
    frameworks.map((framework) => [framework, { description: frameworkNamings[framework][1] }]),
  ) as Record<Framework, { description: string }>,
});

const FrameworkRef = builder.objectRef<Framework>('Framework').implement({
  description: 'A web framework or standard library, as a key and a name to show.',
  fields: (t) => ({
    key: t.field({
      type: FrameworkKeyEnum,
      description: 'The framework as an enum value.',
      resolve: (framework) => framework,
      extensions: cost({ bytes: enumBytes(frameworks) }),
    }),
    name: t.string({
      description: 'Its name as people write it: "Spring Framework", ".NET".',
      resolve: (framework) => frameworkNamings[framework][0],
      extensions: cost({ bytes: bytesOf(frameworks.map((framework) => frameworkNamings[framework][0])) }),
    }),
  }),
});

const frameworkNames = catalogue.codes.flatMap((record) => record.frameworkNames);
const confusions = catalogue.codes.flatMap((record) => record.confusedWith);

export const FrameworkName = builder.objectRef<FrameworkNameRecord>('FrameworkName').implement({
  description: 'What one framework calls a status code in its code.',
  fields: (t) => ({
    framework: t.field({
      type: FrameworkRef,
      description: 'The framework or library.',
      resolve: (entry) => entry.framework,
      extensions: cost({}),
    }),
    name: t.exposeString('name', {
      description: 'The constant, member, symbol or phrase as written there, e.g. "http.StatusNotFound".',
      extensions: cost({ bytes: bytesOf(frameworkNames.map((entry) => entry.name)) }),
    }),
    since: t.exposeString('since', {
      nullable: true,
      description:
        'The release that introduced the name, when older releases in use lack it: "3.13" for `HTTPStatus.CONTENT_TOO_LARGE`. Null when every supported release has it.',
      extensions: cost({ bytes: bytesOf(frameworkNames.map((entry) => entry.since)) }),
    }),
  }),
});

export const CodeConfusion = builder.objectRef<ConfusionRecord>('CodeConfusion').implement({
  description: 'Another code that is easily mistaken for this one, and how to choose between them.',
  fields: (t) => ({
    statusCode: t.field({
      type: StatusCode,
      description: 'The other code.',
      // The catalogue test checks that every confusedWith code exists.
      resolve: (confusion) => catalogue.byCode.get(confusion.code)!,
      extensions: cost({}),
    }),
    difference: t.exposeString('difference', {
      description: 'What tells the two apart, in one or two sentences.',
      extensions: cost({ bytes: bytesOf(confusions.map((confusion) => confusion.difference)) }),
    }),
  }),
});
