import type { ApolloServerPlugin } from '@apollo/server'
import { renderGraphiQL } from '@graphql-yoga/render-graphiql'

const EXAMPLE = `# The public directory needs no token. For household data, add a header
#   { "Authorization": "Bearer <token>" }   (npm run token -- --org <id> --role CASEWORKER)
{
  centres(first: 5) {
    totalCount
    edges {
      node {
        name
        district
        dong
        organisation { name sector }
        programs(first: 3) { edges { node { name category } } }
        inventory(first: 3) { edges { node { title condition } } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`

/**
 * GraphiQL at GET /graphql for a browser: self-contained (no CDN, works offline), unlike Apollo's
 * default landing page which loads Sandbox from the internet.
 */
export function graphiqlLandingPage(): ApolloServerPlugin {
  const html = renderGraphiQL({ title: 'Nanum graph', endpoint: '/graphql', defaultQuery: EXAMPLE })
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html }
        },
      }
    },
  }
}
