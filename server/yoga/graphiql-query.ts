/** What GraphiQL opens with: a lookup and a search a newcomer can run at once. */
export const graphiqlDefaultQuery = /* GraphQL */ `# Welcome to StatusQL. Press the run button to try these queries.
query NotFound {
  statusCode(code: 404) {
    title
    class { name label }
    description
    commonUsage
    specification { citation url }
  }
}

query RateLimit {
  search(query: "rate limit", first: 3) {
    totalCount
    edges { score node { code phrase commonUsage } }
  }
}
`;
