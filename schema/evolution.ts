// The schema's breaking-change policy (docs/evolution.md), as pure checks the test run enforces.
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** A released schema: its version, its release date (YYYY-MM-DD) and its SDL. */
export interface Release {
  version: string;
  date: string;
  sdl: string;
}

/** The phrase a deprecation reason must contain, followed by a YYYY-MM-DD date, before removal is allowed. */
export const REMOVAL_PHRASE = 'Removal on';

/** How many calendar months an element must be deprecated before a breaking change to it. */
export const DEPRECATION_MONTHS = 3;

/**
 * The policy violations in `current` compared with the last of `releases` (oldest first), one line each.
 * A breaking change is allowed only to an element deprecated with `Removal on YYYY-MM-DD` (a date not after
 * `today`) in the last release and in every release back to one dated at least three months before `today`.
 * Every allowed breaking change and every dangerous change must be named by its path (e.g. `Query.search`)
 * in the changelog's `## Unreleased` section. No releases means nothing to compare: no violations.
 */
export async function schemaViolations(input: {
  releases: readonly Release[];
  current: string;
  changelog: string;
  today: string;
}): Promise<string[]> {
  const { releases, current, changelog, today } = input;
  checkDates(releases, today);
  const schemas = releases.map((release) => buildSchema(release.sdl));
  const last = schemas.at(-1);
  if (!last) return [];
  const cutoff = monthsBefore(today, DEPRECATION_MONTHS);
  const unreleased = unreleasedSection(changelog);
  const violations: string[] = [];
  for (const change of await diff(last, buildSchema(current))) {
    const path = change.path ?? '(schema)';
    const level = change.criticality.level;
    if (level === CriticalityLevel.NonBreaking) continue;
    if (level === CriticalityLevel.Breaking && !removable(path, releases, schemas, cutoff, today)) {
      violations.push(
        `${path}: ${change.message} — breaking, but ${path} was not deprecated with "${REMOVAL_PHRASE} <date>" ` +
          `(a date now passed) in every release since one dated ${cutoff} or earlier`,
      );
    } else if (!mentions(unreleased, path)) {
      violations.push(
        `${path}: ${change.message} — ${level.toLowerCase()}, so "## Unreleased" in the changelog must name ${path}`,
      );
    }
  }
  return violations;
}

/** Whether the element at `path` announced a passed removal date in each release back to one on or before `cutoff`. */
function removable(
  path: string,
  releases: readonly Release[],
  schemas: GraphQLSchema[],
  cutoff: string,
  today: string,
) {
  for (let i = releases.length - 1; i >= 0; i--) {
    const reasons = deprecationReasons(schemas[i]!, path);
    const dates = reasons?.map((reason) => new RegExp(`${REMOVAL_PHRASE} (\\d{4}-\\d{2}-\\d{2})`).exec(reason)?.[1]);
    if (!dates?.every((date) => date !== undefined && date <= today)) return false;
    if (releases[i]!.date <= cutoff) return true;
  }
  return false;
}

type Member = { name: string; deprecationReason?: string | null; args?: readonly GraphQLArgument[] };

/**
 * The deprecation reasons of the element at an inspector change path: `Type`, `Type.field`, `Type.field.argument`,
 * `Enum.VALUE` or `Input.field`. A type counts as deprecated when all its fields or values are. Undefined when the
 * element is missing or not deprecated.
 */
function deprecationReasons(schema: GraphQLSchema, path: string): string[] | undefined {
  const [typeName = '', memberName, argumentName, ...rest] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || rest.length > 0) return undefined;
  const members = membersOf(type);
  const elements =
    memberName === undefined
      ? members
      : argumentName === undefined
        ? members.filter((member) => member.name === memberName)
        : (members.find((member) => member.name === memberName)?.args ?? []).filter((arg) => arg.name === argumentName);
  const reasons = elements.flatMap((element) => element.deprecationReason ?? []);
  return elements.length > 0 && reasons.length === elements.length ? reasons : undefined;
}

function membersOf(type: GraphQLNamedType): readonly Member[] {
  if (isEnumType(type)) return type.getValues();
  if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) return [];
  const fields: Record<string, Member> = type.getFields();
  return Object.values(fields);
}

/** The changelog text from the `## Unreleased` heading to the next `## ` heading; empty without one. */
function unreleasedSection(changelog: string): string {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => /^## \[?Unreleased\]?\s*$/i.test(line));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Whether `text` names `path` as a whole: `Query.search` is not named by `Query.searchAll` or `Query.search.limit`. */
function mentions(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.@])${escaped}(?!\\w|\\.\\w)`).test(text);
}

/** `date` minus `months` calendar months, the day clamped to the month's end (2025-05-31 minus 3 is 2025-02-28). */
function monthsBefore(date: string, months: number): string {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Throws unless every date is YYYY-MM-DD and the releases are in date order. */
function checkDates(releases: readonly Release[], today: string): void {
  const dates = [...releases.map((release) => release.date), today];
  const bad = dates.find((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date));
  if (bad !== undefined) throw new Error(`Not a YYYY-MM-DD date: ${bad}`);
  if (releases.some((release, i) => i > 0 && release.date < releases[i - 1]!.date)) {
    throw new Error('Releases must be listed oldest first');
  }
}

function isRealDate(date: string): boolean {
  const time = Date.parse(date);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

/**
 * One line per persisted document (hash to GraphQL text, as in a persisted-documents manifest) that does not
 * parse or does not validate against `schemaSdl`, with graphql-js's `validate` and its first error.
 */
export function documentViolations(input: { schemaSdl: string; documents: Record<string, string> }): string[] {
  const schema = buildSchema(input.schemaSdl);
  return Object.entries(input.documents).flatMap(([hash, text]) => {
    let messages: string[];
    try {
      messages = validate(schema, parse(text)).map((error) => error.message);
    } catch (error) {
      messages = [error instanceof Error ? error.message : String(error)];
    }
    return messages.length > 0 ? [`Persisted document ${hash} is invalid: ${messages[0]}`] : [];
  });
}

/**
 * One line per hash of a released manifest that `current` lacks or maps to a different document:
 * the trusted-documents allowlist only grows, and an entry never changes.
 */
export function manifestViolations(input: {
  released: readonly Record<string, string>[];
  current: Record<string, string>;
}): string[] {
  const released = new Map(input.released.flatMap((manifest) => Object.entries(manifest)));
  return [...released].flatMap(([hash, text]) =>
    !Object.hasOwn(input.current, hash)
      ? [`Persisted document ${hash} was released but is missing from the current manifest`]
      : input.current[hash] !== text
        ? [`Persisted document ${hash} was released with a different text than the current manifest's`]
        : [],
  );
}

/**
 * The releases in `dir` (a `file:` URL of `schema/releases/`): `releases.json`, an array of `{ version, date }`
 * oldest first, and one `<version>.graphql` per entry. The only function here that reads files.
 */
export function readReleases(dir: URL): Release[] {
  const base = dir.href.endsWith('/') ? dir : new URL(`${dir.href}/`);
  const index = JSON.parse(readFileSync(new URL('releases.json', base), 'utf8')) as Omit<Release, 'sdl'>[];
  return index.map(({ version, date }) => ({
    version,
    date,
    sdl: readFileSync(new URL(`${version}.graphql`, base), 'utf8'),
  }));
}
