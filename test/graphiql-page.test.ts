import { describe, expect, it } from 'vitest';
import { createGraphiQLRenderer } from '../server/yoga/graphiql-page.js';
import { startServer } from './helpers.js';
import { assertWebBuilt } from './web-build.js';

describe('GraphiQL’s page', () => {
  it('is our own build, loading its files from this origin, with yoga’s options as JSON', async () => {
    assertWebBuilt();
    const server = await startServer();
    try {
      const response = await fetch(server.url, { headers: { accept: 'text/html' } });
      const page = await response.text();
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(page).not.toMatch(/https?:\/\//);
      expect(page).toMatch(/<script type="module" crossorigin src="\/assets\/graphiql-[\w-]+\.js"><\/script>/);
      const options = JSON.parse(
        page.match(/<script id="graphiql-options" type="application\/json">(.*?)<\/script>/)![1]!,
      );
      expect(options).toMatchObject({ title: 'StatusQL', endpoint: '/graphql' });
      expect(options.defaultQuery).toMatch(/^# Welcome to StatusQL/);
    } finally {
      await server.close();
    }
  });

  it('writes options so that none can close the script element', () => {
    const render = createGraphiQLRenderer('/graphql');
    const page = render({ defaultQuery: '# </script><script>alert(1)</script>' });
    expect(page).not.toContain('</script><script>alert');
    expect(page).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
  });

  it('says how to build it when it is not built', () => {
    const page = createGraphiQLRenderer('/graphql', '/nonexistent/graphiql.html')({});
    expect(page).toContain('run <code>npm run build:web</code>');
  });
});
