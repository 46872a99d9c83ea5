import { classOf } from './classes.js';
import type { Catalogue } from './catalogue.js';
import { quickGuide } from './quick-guide.js';

/**
 * Checks what the record schemas cannot: cross-references and rules between fields.
 * Returns one readable line per problem; an empty list means the catalogue is sound.
 */
export function catalogueProblems({ codes, byCode }: Catalogue): string[] {
  const problems: string[] = [];
  if (byCode.size !== codes.length) problems.push('codes are not unique');
  for (const record of codes) {
    const at = `${record.code} ${record.phrase}:`;
    if (!classOf(record.code)) problems.push(`${at} outside every class`);
    const official = record.registration !== 'UNOFFICIAL';
    if (official && !record.specification) problems.push(`${at} official but no specification`);
    if (official && record.vendor) problems.push(`${at} official but has a vendor`);
    if (!official && !record.vendor) problems.push(`${at} unofficial but no vendor`);
    if ((record.registration === 'TEMPORARY') !== (record.registrationExpires !== null)) {
      problems.push(`${at} registrationExpires must be set exactly for temporary registrations`);
    }
    if (record.deprecated !== (record.deprecationNote !== null)) {
      problems.push(`${at} deprecationNote must be set exactly for deprecated codes`);
    }
    if (!record.exampleExchange) problems.push(`${at} no guide`);
    for (const { code } of record.confusedWith) {
      if (code === record.code || !byCode.has(code)) problems.push(`${at} confused with unknown ${code}`);
    }
  }
  for (const { code, situation } of quickGuide) {
    if (!byCode.has(code)) problems.push(`quick guide "${situation}" points at unknown ${code}`);
  }
  return problems;
}
