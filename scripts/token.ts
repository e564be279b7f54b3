/**
 * Prints a development token: `npm run token -- --org <organisation id> --role CASEWORKER [--role ...]
 * [--sub user-id] [--expires 8h]`. Signed with NANUM_JWT_SECRET (the development secret by default).
 */
import { parseArgs } from 'node:util'
import { authConfigFromEnv, isRole, isId, ROLES, signToken, type Role } from '@nanum/subgraph-kit'

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    role: { type: 'string', multiple: true },
    sub: { type: 'string', default: 'dev-user' },
    expires: { type: 'string', default: '8h' },
  },
})

const fail = (message: string): never => {
  console.error(`${message}\nUsage: npm run token -- --org <organisation id> --role <${ROLES.join('|')}> [--role ...] [--sub <user>] [--expires 8h]`)
  process.exit(2)
}

if (!values.org || !isId(values.org)) fail('--org must be an organisation id (a UUID)')
const roles = values.role ?? []
if (!roles.length) fail('give at least one --role')
for (const role of roles) if (!isRole(role)) fail(`unknown role "${role}"`)

console.log(await signToken(authConfigFromEnv(), { sub: values.sub!, org: values.org!, roles: roles as Role[] }, values.expires))
