import { describe, expectTypeOf, it } from 'vitest';
import {
  StatusClassKind,
  StatusqlError,
  createClient,
  type StatusCodeQuery,
  type StatusCodeQueryVariables,
  type StatusCodesQueryVariables,
} from '../sdk/src/index.js';

// These tests are checked by `tsc --noEmit` (part of `npm test`): each @ts-expect-error line must
// fail to compile, or the compiler reports the directive as unused.
const statusql = createClient({ url: 'http://127.0.0.1:9/graphql' });

describe('SDK types', () => {
  it('types each method from its operation', () => {
    expectTypeOf(statusql.statusCode).parameter(0).toEqualTypeOf<StatusCodeQueryVariables>();
    expectTypeOf(statusql.statusCode).returns.resolves.toEqualTypeOf<StatusCodeQuery>();
    expectTypeOf<NonNullable<StatusCodeQuery['statusCode']>['code']>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<StatusCodeQuery['statusCode']>['commonUsage']>().toEqualTypeOf<string>();
    expectTypeOf<StatusCodesQueryVariables['first']>().toEqualTypeOf<number | null | undefined>();
  });

  it('exports enums usable as values and types', () => {
    expectTypeOf(StatusClassKind.Redirection).toEqualTypeOf<'REDIRECTION'>();
    expectTypeOf<StatusClassKind>().toEqualTypeOf<
      'INFORMATIONAL' | 'SUCCESS' | 'REDIRECTION' | 'CLIENT_ERROR' | 'SERVER_ERROR'
    >();
  });

  it('exposes the error shape', () => {
    expectTypeOf<StatusqlError['status']>().toEqualTypeOf<number | null>();
    expectTypeOf<StatusqlError['code']>().toEqualTypeOf<string | null>();
  });

  it('rejects wrong usage at compile time', () => {
    // Declared, never called: only the compiler looks at these.
    const wrongUsage = async () => {
      // @ts-expect-error code is required
      await statusql.statusCode({});
      // @ts-expect-error code is an Int, not a String
      await statusql.statusCode({ code: '404' });
      // @ts-expect-error no such variable
      await statusql.statusCode({ code: 404, verbose: true });
      // @ts-expect-error no such class
      await statusql.statusCodes({ filter: { classes: ['TEAPOT'] } });
      // @ts-expect-error query is required
      await statusql.search({ first: 5 });
      const { statusCode } = await statusql.statusCode({ code: 404 });
      // @ts-expect-error statusCode may be null
      void statusCode.code;
      // @ts-expect-error no such field was selected
      void statusCode?.nope;
      // @ts-expect-error no such method
      await statusql.statusCodez();
    };
    expectTypeOf(wrongUsage).toBeFunction();
  });
});
