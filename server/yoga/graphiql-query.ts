/** What GraphiQL opens with: one operation a newcomer can run at once, a lookup and a search. */
export const graphiqlDefaultQuery = /* GraphQL */ `# Welcome to StatusQL. Press the run button to try this query.
query Welcome {
  statusCode(code: 404) {
    title
    statusClass { range label }
    description
    commonUsage
    specification { citation url }
  }
  search(query: "rate limit", first: 3) {
    totalCount
    edges { score node { code phrase commonUsage } }
  }
}
`;
