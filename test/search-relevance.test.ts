import { describe, expect, it } from 'vitest';
import { catalogue } from '../catalogue/catalogue.js';
import { createSearch } from '../catalogue/search.js';
import { evaluate, formatEvaluation, relevanceSet } from './relevance/evaluate.js';

/** Lower-case words joined by single spaces, for comparing texts regardless of punctuation. */
const plain = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

describe('relevance set', () => {
  it('holds at least 90 distinct queries', () => {
    expect(relevanceSet.length).toBeGreaterThanOrEqual(90);
    expect(new Set(relevanceSet.map((entry) => plain(entry.query))).size).toBe(relevanceSet.length);
  });

  it('expects only catalogued codes', () => {
    const unknown = relevanceSet.flatMap((entry) => entry.expected.filter((code) => !catalogue.byCode.has(code)));
    expect(unknown).toEqual([]);
    expect(relevanceSet.every((entry) => entry.expected.length > 0)).toBe(true);
  });

  it('copies no phrase, synonym or framework name of the catalogue', () => {
    const names = new Set(
      catalogue.codes.flatMap((record) =>
        [record.phrase, ...record.formerPhrases.map((former) => former.phrase), ...record.synonyms, ...record.frameworkNames.map((entry) => entry.name)].map(plain),
      ),
    );
    expect(relevanceSet.filter((entry) => names.has(plain(entry.query))).map((entry) => entry.query)).toEqual([]);
  });

  it('lifts no run of three words from the catalogue\'s prose', () => {
    const prose = catalogue.codes
      .flatMap((record) => [record.description, record.commonUsage, ...record.confusedWith.map((entry) => entry.difference)])
      .map((text) => ` ${plain(text)} `);
    const lifted = relevanceSet.filter((entry) => {
      const words = plain(entry.query).split(' ');
      return words.length >= 3 && prose.some((text) => text.includes(` ${words.join(' ')} `));
    });
    expect(lifted.map((entry) => entry.query)).toEqual([]);
  });
});

describe('search quality', () => {
  const evaluation = evaluate(createSearch(catalogue));

  it('puts an acceptable code first for at least 85% of the queries', () => {
    expect(evaluation.recallAt1, formatEvaluation(evaluation)).toBeGreaterThanOrEqual(0.85);
  });

  it('puts an acceptable code in the top three for at least 95% of the queries', () => {
    expect(evaluation.recallAt3, formatEvaluation(evaluation)).toBeGreaterThanOrEqual(0.95);
  });
});
