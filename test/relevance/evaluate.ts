import { pathToFileURL } from 'node:url';
import { catalogue } from '../../catalogue/catalogue.js';
import { createSearch, type SearchCatalogue } from '../../catalogue/search.js';
import relevanceCases from './queries.json' with { type: 'json' };

/** A query as a user would type it, and the codes acceptable as its top answer, best first. */
export interface RelevanceCase {
  query: string;
  expected: readonly number[];
}

/** A query whose first acceptable answer is not at the top. */
export interface Miss extends RelevanceCase {
  /** 1-based rank of the first acceptable answer; null when none is returned. */
  rank: number | null;
  top: readonly number[];
}

/** Recall at 1 and 3 and mean reciprocal rank of a search over a relevance set. */
export interface Evaluation {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  meanReciprocalRank: number;
  misses: readonly Miss[];
}

/** The relevance set in `queries.json`. */
export const relevanceSet: readonly RelevanceCase[] = relevanceCases;

/** Runs every case through `search` and scores the rank of the first acceptable answer. */
export function evaluate(search: SearchCatalogue, cases: readonly RelevanceCase[] = relevanceSet): Evaluation {
  let atOne = 0;
  let atThree = 0;
  let reciprocalRanks = 0;
  const misses: Miss[] = [];
  for (const relevanceCase of cases) {
    const codes = search(relevanceCase.query).map((hit) => hit.record.code);
    const index = codes.findIndex((code) => relevanceCase.expected.includes(code));
    const rank = index === -1 ? null : index + 1;
    if (rank === 1) atOne += 1;
    if (rank !== null && rank <= 3) atThree += 1;
    if (rank !== null) reciprocalRanks += 1 / rank;
    if (rank !== 1) misses.push({ ...relevanceCase, rank, top: codes.slice(0, 3) });
  }
  const count = cases.length;
  return {
    queries: count,
    recallAt1: atOne / count,
    recallAt3: atThree / count,
    meanReciprocalRank: reciprocalRanks / count,
    misses,
  };
}

/** The evaluation as a short report: the three figures, then every miss. */
export function formatEvaluation(evaluation: Evaluation): string {
  const lines = [
    `queries     ${evaluation.queries}`,
    `recall@1    ${evaluation.recallAt1.toFixed(3)}`,
    `recall@3    ${evaluation.recallAt3.toFixed(3)}`,
    `MRR         ${evaluation.meanReciprocalRank.toFixed(3)}`,
  ];
  if (evaluation.misses.length > 0) lines.push('', 'not first:');
  for (const miss of evaluation.misses) {
    const rank = miss.rank === null ? 'absent' : `rank ${miss.rank}`;
    lines.push(`  ${JSON.stringify(miss.query)} wants ${miss.expected.join('/')}: ${rank}, top ${miss.top.join(', ') || 'nothing'}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatEvaluation(evaluate(createSearch(catalogue))));
}
