/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment StatusClassFields on StatusClass {\n  id\n  kind\n  range\n  label\n  description\n  minCode\n  maxCode\n}\n\nfragment StatusCodeFields on StatusCode {\n  id\n  code\n  phrase\n  title\n  description\n  commonUsage\n  registration {\n    status\n  }\n  vendor\n  deprecation {\n    kind\n  }\n  statusClass {\n    id\n    kind\n    range\n    label\n  }\n}\n\nfragment StatusCodeDetails on StatusCode {\n  ...StatusCodeFields\n  registration {\n    status\n    expiresOn\n  }\n  deprecation {\n    kind\n    reason\n  }\n  bodyAllowed\n  cacheableByDefault\n  retryable\n  retryAdvice\n  specification {\n    document\n    section\n    url\n    citation\n  }\n  headers {\n    name\n    requirement\n    note\n  }\n  formerPhrases {\n    phrase\n    source\n  }\n  otherMeanings {\n    vendor\n    phrase\n    description\n  }\n  frameworkNames {\n    framework {\n      key\n      name\n    }\n    name\n    since\n  }\n  exampleExchange\n  liveExampleUrl\n  confusedWith {\n    difference\n    statusCode {\n      id\n      code\n      phrase\n    }\n  }\n  symptoms(first: 100) {\n    totalCount\n    edges {\n      node {\n        ...SymptomFields\n      }\n    }\n  }\n}\n\nfragment SymptomFields on Symptom {\n  id\n  slug\n  source {\n    key\n    name\n  }\n  seenIn\n  message\n  meaning\n  checkFirst\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}": typeof types.StatusClassFieldsFragmentDoc,
    "query InterpretStatus($code: Int!) {\n  interpretStatus(code: $code) {\n    code\n    known\n    explanation\n    treatAs {\n      ...StatusCodeFields\n    }\n  }\n}": typeof types.InterpretStatusDocument,
    "query QuickGuide {\n  quickGuide {\n    situation\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}": typeof types.QuickGuideDocument,
    "query Search($query: String!, $filter: StatusCodeFilter, $sortKey: SearchSortKey, $reverse: Boolean, $first: Int = 20, $after: String) {\n  search(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    classFacets {\n      statusClass {\n        id\n        kind\n        range\n        label\n      }\n      count\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      score\n      matches {\n        field\n        terms\n      }\n      symptoms {\n        ...SymptomFields\n      }\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}": typeof types.SearchDocument,
    "query StatusClass($kind: StatusClassKind!, $first: Int = 100, $after: String) {\n  statusClass(kind: $kind) {\n    ...StatusClassFields\n    codes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StatusCodeFields\n        }\n      }\n    }\n  }\n}": typeof types.StatusClassDocument,
    "query StatusClasses {\n  statusClasses {\n    ...StatusClassFields\n    codes(first: 1) {\n      totalCount\n    }\n  }\n}": typeof types.StatusClassesDocument,
    "query StatusCode($code: Int!) {\n  statusCode(code: $code) {\n    ...StatusCodeDetails\n  }\n}": typeof types.StatusCodeDocument,
    "query StatusCodes($filter: StatusCodeFilter, $sortKey: StatusCodeSortKey, $reverse: Boolean, $first: Int = 100, $after: String) {\n  statusCodes(\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}": typeof types.StatusCodesDocument,
    "query Suggestions($prefix: String!, $first: Int) {\n  suggestions(prefix: $prefix, first: $first) {\n    text\n    kind\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}": typeof types.SuggestionsDocument,
    "query Symptoms($source: SymptomSourceKey, $first: Int = 100, $after: String) {\n  symptoms(source: $source, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...SymptomFields\n        example\n        reference\n        statusCode {\n          id\n          code\n          phrase\n        }\n      }\n    }\n  }\n}": typeof types.SymptomsDocument,
};
const documents: Documents = {
    "fragment StatusClassFields on StatusClass {\n  id\n  kind\n  range\n  label\n  description\n  minCode\n  maxCode\n}\n\nfragment StatusCodeFields on StatusCode {\n  id\n  code\n  phrase\n  title\n  description\n  commonUsage\n  registration {\n    status\n  }\n  vendor\n  deprecation {\n    kind\n  }\n  statusClass {\n    id\n    kind\n    range\n    label\n  }\n}\n\nfragment StatusCodeDetails on StatusCode {\n  ...StatusCodeFields\n  registration {\n    status\n    expiresOn\n  }\n  deprecation {\n    kind\n    reason\n  }\n  bodyAllowed\n  cacheableByDefault\n  retryable\n  retryAdvice\n  specification {\n    document\n    section\n    url\n    citation\n  }\n  headers {\n    name\n    requirement\n    note\n  }\n  formerPhrases {\n    phrase\n    source\n  }\n  otherMeanings {\n    vendor\n    phrase\n    description\n  }\n  frameworkNames {\n    framework {\n      key\n      name\n    }\n    name\n    since\n  }\n  exampleExchange\n  liveExampleUrl\n  confusedWith {\n    difference\n    statusCode {\n      id\n      code\n      phrase\n    }\n  }\n  symptoms(first: 100) {\n    totalCount\n    edges {\n      node {\n        ...SymptomFields\n      }\n    }\n  }\n}\n\nfragment SymptomFields on Symptom {\n  id\n  slug\n  source {\n    key\n    name\n  }\n  seenIn\n  message\n  meaning\n  checkFirst\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}": types.StatusClassFieldsFragmentDoc,
    "query InterpretStatus($code: Int!) {\n  interpretStatus(code: $code) {\n    code\n    known\n    explanation\n    treatAs {\n      ...StatusCodeFields\n    }\n  }\n}": types.InterpretStatusDocument,
    "query QuickGuide {\n  quickGuide {\n    situation\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}": types.QuickGuideDocument,
    "query Search($query: String!, $filter: StatusCodeFilter, $sortKey: SearchSortKey, $reverse: Boolean, $first: Int = 20, $after: String) {\n  search(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    classFacets {\n      statusClass {\n        id\n        kind\n        range\n        label\n      }\n      count\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      score\n      matches {\n        field\n        terms\n      }\n      symptoms {\n        ...SymptomFields\n      }\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}": types.SearchDocument,
    "query StatusClass($kind: StatusClassKind!, $first: Int = 100, $after: String) {\n  statusClass(kind: $kind) {\n    ...StatusClassFields\n    codes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StatusCodeFields\n        }\n      }\n    }\n  }\n}": types.StatusClassDocument,
    "query StatusClasses {\n  statusClasses {\n    ...StatusClassFields\n    codes(first: 1) {\n      totalCount\n    }\n  }\n}": types.StatusClassesDocument,
    "query StatusCode($code: Int!) {\n  statusCode(code: $code) {\n    ...StatusCodeDetails\n  }\n}": types.StatusCodeDocument,
    "query StatusCodes($filter: StatusCodeFilter, $sortKey: StatusCodeSortKey, $reverse: Boolean, $first: Int = 100, $after: String) {\n  statusCodes(\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}": types.StatusCodesDocument,
    "query Suggestions($prefix: String!, $first: Int) {\n  suggestions(prefix: $prefix, first: $first) {\n    text\n    kind\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}": types.SuggestionsDocument,
    "query Symptoms($source: SymptomSourceKey, $first: Int = 100, $after: String) {\n  symptoms(source: $source, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...SymptomFields\n        example\n        reference\n        statusCode {\n          id\n          code\n          phrase\n        }\n      }\n    }\n  }\n}": types.SymptomsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatusClassFields on StatusClass {\n  id\n  kind\n  range\n  label\n  description\n  minCode\n  maxCode\n}\n\nfragment StatusCodeFields on StatusCode {\n  id\n  code\n  phrase\n  title\n  description\n  commonUsage\n  registration {\n    status\n  }\n  vendor\n  deprecation {\n    kind\n  }\n  statusClass {\n    id\n    kind\n    range\n    label\n  }\n}\n\nfragment StatusCodeDetails on StatusCode {\n  ...StatusCodeFields\n  registration {\n    status\n    expiresOn\n  }\n  deprecation {\n    kind\n    reason\n  }\n  bodyAllowed\n  cacheableByDefault\n  retryable\n  retryAdvice\n  specification {\n    document\n    section\n    url\n    citation\n  }\n  headers {\n    name\n    requirement\n    note\n  }\n  formerPhrases {\n    phrase\n    source\n  }\n  otherMeanings {\n    vendor\n    phrase\n    description\n  }\n  frameworkNames {\n    framework {\n      key\n      name\n    }\n    name\n    since\n  }\n  exampleExchange\n  liveExampleUrl\n  confusedWith {\n    difference\n    statusCode {\n      id\n      code\n      phrase\n    }\n  }\n  symptoms(first: 100) {\n    totalCount\n    edges {\n      node {\n        ...SymptomFields\n      }\n    }\n  }\n}\n\nfragment SymptomFields on Symptom {\n  id\n  slug\n  source {\n    key\n    name\n  }\n  seenIn\n  message\n  meaning\n  checkFirst\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}"): (typeof documents)["fragment StatusClassFields on StatusClass {\n  id\n  kind\n  range\n  label\n  description\n  minCode\n  maxCode\n}\n\nfragment StatusCodeFields on StatusCode {\n  id\n  code\n  phrase\n  title\n  description\n  commonUsage\n  registration {\n    status\n  }\n  vendor\n  deprecation {\n    kind\n  }\n  statusClass {\n    id\n    kind\n    range\n    label\n  }\n}\n\nfragment StatusCodeDetails on StatusCode {\n  ...StatusCodeFields\n  registration {\n    status\n    expiresOn\n  }\n  deprecation {\n    kind\n    reason\n  }\n  bodyAllowed\n  cacheableByDefault\n  retryable\n  retryAdvice\n  specification {\n    document\n    section\n    url\n    citation\n  }\n  headers {\n    name\n    requirement\n    note\n  }\n  formerPhrases {\n    phrase\n    source\n  }\n  otherMeanings {\n    vendor\n    phrase\n    description\n  }\n  frameworkNames {\n    framework {\n      key\n      name\n    }\n    name\n    since\n  }\n  exampleExchange\n  liveExampleUrl\n  confusedWith {\n    difference\n    statusCode {\n      id\n      code\n      phrase\n    }\n  }\n  symptoms(first: 100) {\n    totalCount\n    edges {\n      node {\n        ...SymptomFields\n      }\n    }\n  }\n}\n\nfragment SymptomFields on Symptom {\n  id\n  slug\n  source {\n    key\n    name\n  }\n  seenIn\n  message\n  meaning\n  checkFirst\n}\n\nfragment PageInfoFields on PageInfo {\n  hasNextPage\n  hasPreviousPage\n  startCursor\n  endCursor\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InterpretStatus($code: Int!) {\n  interpretStatus(code: $code) {\n    code\n    known\n    explanation\n    treatAs {\n      ...StatusCodeFields\n    }\n  }\n}"): (typeof documents)["query InterpretStatus($code: Int!) {\n  interpretStatus(code: $code) {\n    code\n    known\n    explanation\n    treatAs {\n      ...StatusCodeFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuickGuide {\n  quickGuide {\n    situation\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}"): (typeof documents)["query QuickGuide {\n  quickGuide {\n    situation\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($query: String!, $filter: StatusCodeFilter, $sortKey: SearchSortKey, $reverse: Boolean, $first: Int = 20, $after: String) {\n  search(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    classFacets {\n      statusClass {\n        id\n        kind\n        range\n        label\n      }\n      count\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      score\n      matches {\n        field\n        terms\n      }\n      symptoms {\n        ...SymptomFields\n      }\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}"): (typeof documents)["query Search($query: String!, $filter: StatusCodeFilter, $sortKey: SearchSortKey, $reverse: Boolean, $first: Int = 20, $after: String) {\n  search(\n    query: $query\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    classFacets {\n      statusClass {\n        id\n        kind\n        range\n        label\n      }\n      count\n    }\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      score\n      matches {\n        field\n        terms\n      }\n      symptoms {\n        ...SymptomFields\n      }\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatusClass($kind: StatusClassKind!, $first: Int = 100, $after: String) {\n  statusClass(kind: $kind) {\n    ...StatusClassFields\n    codes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StatusCodeFields\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query StatusClass($kind: StatusClassKind!, $first: Int = 100, $after: String) {\n  statusClass(kind: $kind) {\n    ...StatusClassFields\n    codes(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        ...PageInfoFields\n      }\n      edges {\n        node {\n          ...StatusCodeFields\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatusClasses {\n  statusClasses {\n    ...StatusClassFields\n    codes(first: 1) {\n      totalCount\n    }\n  }\n}"): (typeof documents)["query StatusClasses {\n  statusClasses {\n    ...StatusClassFields\n    codes(first: 1) {\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatusCode($code: Int!) {\n  statusCode(code: $code) {\n    ...StatusCodeDetails\n  }\n}"): (typeof documents)["query StatusCode($code: Int!) {\n  statusCode(code: $code) {\n    ...StatusCodeDetails\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatusCodes($filter: StatusCodeFilter, $sortKey: StatusCodeSortKey, $reverse: Boolean, $first: Int = 100, $after: String) {\n  statusCodes(\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}"): (typeof documents)["query StatusCodes($filter: StatusCodeFilter, $sortKey: StatusCodeSortKey, $reverse: Boolean, $first: Int = 100, $after: String) {\n  statusCodes(\n    filter: $filter\n    sortKey: $sortKey\n    reverse: $reverse\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...StatusCodeFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Suggestions($prefix: String!, $first: Int) {\n  suggestions(prefix: $prefix, first: $first) {\n    text\n    kind\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}"): (typeof documents)["query Suggestions($prefix: String!, $first: Int) {\n  suggestions(prefix: $prefix, first: $first) {\n    text\n    kind\n    statusCode {\n      ...StatusCodeFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Symptoms($source: SymptomSourceKey, $first: Int = 100, $after: String) {\n  symptoms(source: $source, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...SymptomFields\n        example\n        reference\n        statusCode {\n          id\n          code\n          phrase\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Symptoms($source: SymptomSourceKey, $first: Int = 100, $after: String) {\n  symptoms(source: $source, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      ...PageInfoFields\n    }\n    edges {\n      cursor\n      node {\n        ...SymptomFields\n        example\n        reference\n        statusCode {\n          id\n          code\n          phrase\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;