import { cursorToOffset } from '@pothos/plugin-relay';
import { z } from 'zod';

/** The most edges one page may hold, and the size of a page when none is asked for. */
export const maxPageSize = 100;

function isOffsetCursor(cursor: string): boolean {
  try {
    const offset = cursorToOffset(cursor);
    return Number.isSafeInteger(offset) && offset >= 0;
  } catch {
    return false;
  }
}

const pageSize = (name: string) =>
  z
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and ${maxPageSize}`)
    .max(maxPageSize, `${name} must be between 1 and ${maxPageSize}`)
    .nullish();

const cursor = (name: string) => z.string().refine(isOffsetCursor, `${name} is not a cursor this API issued`).nullish();

/** Validates Relay paging arguments before a connection resolver runs. */
export const pageArgs = z.looseObject({
  first: pageSize('first'),
  last: pageSize('last'),
  after: cursor('after'),
  before: cursor('before'),
});
