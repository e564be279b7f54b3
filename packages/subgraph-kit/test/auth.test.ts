import { describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { GraphQLError } from 'graphql'
import { authConfigFromEnv, createTokenVerifier, signToken, ConfigError } from '../src/index.js'

const config = authConfigFromEnv({ NODE_ENV: 'test' })
const verify = createTokenVerifier(config)
const org = '10000000-0000-4000-8000-000000000001'

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e) => e,
  )
  expect(error).toBeInstanceOf(GraphQLError)
  expect(error.extensions.code).toBe('UNAUTHENTICATED')
  return error.message as string
}

describe('token verification', () => {
  it('treats a request without Authorization as anonymous', async () => {
    expect(await verify(undefined)).toEqual({ kind: 'anonymous' })
  })

  it('accepts a token signed with the configured secret', async () => {
    const token = await signToken(config, { sub: 'u1', org, roles: ['CASEWORKER', 'ORG_ADMIN'] })
    expect(await verify(`Bearer ${token}`)).toEqual({ kind: 'user', userId: 'u1', organisationId: org, roles: ['CASEWORKER', 'ORG_ADMIN'] })
  })

  it('refuses an expired token', async () => {
    const token = await signToken(config, { sub: 'u1', org, roles: ['CASEWORKER'] }, Math.floor(Date.now() / 1000) - 60)
    expect(await rejection(verify(`Bearer ${token}`))).toMatch(/expired/)
  })

  it('refuses a token signed with another secret', async () => {
    const forged = await signToken({ ...config, jwtSecret: 'x'.repeat(40) }, { sub: 'u1', org, roles: ['SYSTEM_ADMIN'] })
    expect(await rejection(verify(`Bearer ${forged}`))).toMatch(/invalid/)
  })

  it('refuses a token for another audience', async () => {
    const token = await signToken({ ...config, audience: 'someone-else' }, { sub: 'u1', org, roles: ['CASEWORKER'] })
    expect(await rejection(verify(`Bearer ${token}`))).toMatch(/aud/)
  })

  it('refuses unknown roles and a missing organisation', async () => {
    const key = new TextEncoder().encode(config.jwtSecret)
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(config.issuer).setAudience(config.audience).setSubject('u1').setExpirationTime('1h').sign(key)
    expect(await rejection(verify(`Bearer ${await sign({ roles: ['CASEWORKER'] })}`))).toMatch(/organisation/)
    expect(await rejection(verify(`Bearer ${await sign({ org, roles: ['KING'] })}`))).toMatch(/roles/)
  })

  it('refuses a malformed header instead of falling back to anonymous', async () => {
    expect(await rejection(verify('Token abc'))).toMatch(/Bearer/)
    expect(await rejection(verify('Bearer not.a.jwt'))).toMatch(/invalid/)
  })
})

describe('auth configuration', () => {
  it('rejects a short secret with a message naming the variable', () => {
    expect(() => authConfigFromEnv({ NANUM_JWT_SECRET: 'short' })).toThrow(ConfigError)
    expect(() => authConfigFromEnv({ NANUM_JWT_SECRET: 'short' })).toThrow(/NANUM_JWT_SECRET/)
  })

  it('knows when the published development secret is in use', () => {
    expect(authConfigFromEnv({}).usesDevelopmentSecret).toBe(true)
    expect(authConfigFromEnv({ NANUM_JWT_SECRET: 'y'.repeat(40) }).usesDevelopmentSecret).toBe(false)
  })
})
