import { classOf } from './classes.js';
import type { Catalogue } from './catalogue.js';
import { quickGuide } from './quick-guide.js';

/**
 * Checks what the record schemas cannot: cross-references and rules between fields.
 * Returns one readable line per problem; an empty list means the catalogue is sound.
 */
export function catalogueProblems({ codes, byCode, symptoms }: Catalogue): string[] {
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
    if (!record.exampleExchange) problems.push(`${at} no guide`);
    for (const { code } of record.confusedWith) {
      if (code === record.code || !byCode.has(code)) problems.push(`${at} confused with unknown ${code}`);
    }
  }
  const ids = new Set<string>();
  const messages = new Set<string>();
  for (const symptom of symptoms) {
    const at = `symptom ${symptom.id}:`;
    if (ids.has(symptom.id)) problems.push(`${at} id is not unique`);
    if (messages.has(symptom.message.toLowerCase())) problems.push(`${at} message is not unique`);
    ids.add(symptom.id);
    messages.add(symptom.message.toLowerCase());
    if (!byCode.has(symptom.code)) problems.push(`${at} points at unknown ${symptom.code}`);
    if (!symptom.example.includes(symptom.message)) problems.push(`${at} example does not contain the message`);
  }
  for (const { code, situation } of quickGuide) {
    if (!byCode.has(code)) problems.push(`quick guide "${situation}" points at unknown ${code}`);
  }
  return problems;
}
