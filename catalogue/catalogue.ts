import { z } from 'zod';
import statusCodesJson from './status-codes.json' with { type: 'json' };
import codeGuidesJson from './code-guides.json' with { type: 'json' };
import symptomsJson from './symptoms.json' with { type: 'json' };
import { statusClasses } from './classes.js';
import {
  codeGuideRecord,
  statusCodeRecord,
  symptomRecord,
  type StatusClassKind,
  type StatusCodeRecord,
  type SymptomRecord,
} from './records.js';

/** Every status code we know, sorted by code, with fast lookup by number. */
export interface Catalogue {
  readonly codes: readonly StatusCodeRecord[];
  readonly byCode: ReadonlyMap<number, StatusCodeRecord>;
  /** The codes of each class, by code. */
  readonly byClass: ReadonlyMap<StatusClassKind, readonly StatusCodeRecord[]>;
  /** Every error message we can explain, in file order; each code also lists its own. */
  readonly symptoms: readonly SymptomRecord[];
}

/**
 * Parses the three data files and joins each code with its guide and its symptoms.
 * Throws a readable zod error when a file breaks its schema.
 */
export function loadCatalogue(statusCodes: unknown, codeGuides: unknown, symptomList: unknown = []): Catalogue {
  const records = z.array(statusCodeRecord).parse(statusCodes);
  const guides = new Map(
    z
      .array(codeGuideRecord)
      .parse(codeGuides)
      .map((guide) => [guide.code, guide]),
  );
  const symptoms = z.array(symptomRecord).parse(symptomList);
  const codes = records
    .map((record): StatusCodeRecord => {
      const guide = guides.get(record.code);
      return {
        ...record,
        synonyms: guide?.synonyms ?? [],
        confusedWith: guide?.confusedWith ?? [],
        frameworkNames: guide?.frameworkNames ?? [],
        exampleExchange: guide?.exampleExchange ?? '',
        symptoms: symptoms.filter((symptom) => symptom.code === record.code),
      };
    })
    .sort((a, b) => a.code - b.code);
  return {
    codes,
    byCode: new Map(codes.map((record) => [record.code, record])),
    byClass: new Map(
      statusClasses.map(({ kind, minCode, maxCode }) => [
        kind,
        codes.filter(({ code }) => code >= minCode && code <= maxCode),
      ]),
    ),
    symptoms,
  };
}

/** The catalogue shipped with this release. */
export const catalogue: Catalogue = loadCatalogue(statusCodesJson, codeGuidesJson, symptomsJson);
