import { readFileSync, readdirSync } from 'node:fs';
import { getNamedType, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';

// The examples in the READMEs and docs/ follow the schema: every ```graphql block parses and
// validates against it, and no ```json block shows a field that 1.0.0 renamed or removed.

const root = new URL('../', import.meta.url);
const files = [
  'README.md',
  'sdk/README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`),
];

/** The line that lets a ```graphql block be wrong, to show an error. */
const invalidOnPurpose = '<!-- invalid on purpose -->';

interface Block {
  /** "docs/api.md:42", the line of the opening fence. */
  name: string;
  language: string;
  text: string;
  invalidOnPurpose: boolean;
}

/** The fenced blocks of a Markdown file: a line that starts with ``` opens one, a bare ``` closes it. */
function fencedBlocks(file: string): Block[] {
  const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = /^```(\S*)/.exec(lines[index]!);
    if (!opening) continue;
    const end = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line));
    if (end === -1) throw new Error(`${file}:${index + 1}: a fenced block is never closed`);
    const previous = lines
      .slice(0, index)
      .reverse()
      .find((line) => line.trim() !== '');
    blocks.push({
      name: `${file}:${index + 1}`,
      language: opening[1]!,
      text: lines.slice(index + 1, end).join('\n'),
      invalidOnPurpose: previous?.trim() === invalidOnPurpose,
    });
    index = end;
  }
  return blocks;
}

const blocks = files.flatMap(fencedBlocks);
const graphqlBlocks = blocks.filter((block) => block.language === 'graphql');
const jsonBlocks = blocks.filter((block) => block.language === 'json');

/** The problems of a GraphQL example: validation errors, and connections asked without a page size. */
function problems(text: string): string[] {
  const document = parse(text);
  const errors = validate(schema, document).map((error) => error.message);
  if (errors.length > 0) return errors;
  // Every connection needs `first` or `last`: that is checked when the field runs, not by
  // validation, so an example without one would validate and still fail.
  const typeInfo = new TypeInfo(schema);
  const unpaged: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        const paged = node.arguments?.some((argument) => ['first', 'last'].includes(argument.name.value));
        if (type && getNamedType(type).name.endsWith('Connection') && !paged)
          unpaged.push(`${node.name.value} has neither first nor last`);
      },
    }),
  );
  return unpaged;
}

describe('the ```graphql examples in the docs', () => {
  it('are found', () => {
    expect(graphqlBlocks.length).toBeGreaterThan(10);
  });

  it.each(graphqlBlocks.filter((block) => !block.invalidOnPurpose).map((block) => [block.name, block.text]))(
    '%s parses and validates against the schema',
    (_name, text) => {
      expect(problems(text)).toEqual([]);
    },
  );

  it(`are wrong only after ${invalidOnPurpose}, and then really are`, () => {
    for (const block of graphqlBlocks.filter((candidate) => candidate.invalidOnPurpose)) {
      let failing: boolean;
      try {
        failing = problems(block.text).length > 0;
      } catch {
        failing = true;
      }
      expect(failing, `${block.name} is marked invalid on purpose but is valid`).toBe(true);
    }
  });
});

describe('the ```json answers in the docs', () => {
  it.each(jsonBlocks.map((block) => [block.name, block.text]))('%s shows no field 1.0.0 removed', (_name, text) => {
    for (const old of ['"class":', '"facets"', '"official"']) expect(text).not.toContain(old);
  });
});
