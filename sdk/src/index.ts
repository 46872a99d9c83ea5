export {
  createClient,
  type ClientOptions,
  type HeadersInput,
  type RequestOptions,
  type StatusqlClient,
} from './client.js';
export { StatusqlError, type StatusqlGraphQLError } from './errors.js';
export * from './generated/graphql.js';
