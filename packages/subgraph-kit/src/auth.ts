import { createRemoteJWKSet, jwtVerify, SignJWT, errors as joseErrors, type JWTVerifyGetKey } from 'jose'
import { isRole, type Role } from './roles.js'
import { invalidToken } from './errors.js'
import type { AuthConfig } from './config.js'

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; organisationId: string; roles: readonly Role[] }

export const ANONYMOUS: Caller = { kind: 'anonymous' }

export const hasRole = (caller: Caller, ...roles: Role[]) =>
  caller.kind === 'user' && caller.roles.some((role) => roles.includes(role))

/** Staff of `organisationId`, or a system administrator. */
export const isStaffOf = (caller: Caller, organisationId: string) =>
  caller.kind === 'user' && (caller.organisationId === organisationId || caller.roles.includes('SYSTEM_ADMIN'))

/** May manage `organisationId`'s own records: its ORG_ADMIN, or a SYSTEM_ADMIN of any organisation. */
export const canManageOrganisation = (caller: Caller, organisationId: string) =>
  caller.kind === 'user' &&
  (caller.roles.includes('SYSTEM_ADMIN') || (caller.organisationId === organisationId && caller.roles.includes('ORG_ADMIN')))

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Turns an `Authorization` header into a caller. No header means anonymous; a header that is
 * present but malformed, forged, expired or missing claims is an UNAUTHENTICATED error — never a
 * silent fall back to anonymous, which would hide a client's bug behind empty results.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : new TextEncoder().encode(config.jwtSecret)
  const algorithms = config.jwksUrl ? ['RS256', 'ES256', 'EdDSA'] : ['HS256']

  return async (authorization) => {
    if (!authorization) return ANONYMOUS
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    if (!match) throw invalidToken('Authorization header must be "Bearer <token>"')
    let payload
    try {
      ;({ payload } = await jwtVerify(match[1], key as Uint8Array, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
      }))
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw invalidToken('Token has expired')
      if (error instanceof joseErrors.JWTClaimValidationFailed)
        throw invalidToken(`Token claim "${error.claim}" is invalid`)
      throw invalidToken('Token is invalid (bad signature or format)')
    }
    const { sub, org, roles } = payload as { sub?: unknown; org?: unknown; roles?: unknown }
    if (typeof sub !== 'string' || !sub) throw invalidToken('Token has no subject ("sub")')
    if (typeof org !== 'string' || !UUID.test(org)) throw invalidToken('Token has no valid organisation ("org")')
    if (!Array.isArray(roles) || !roles.every(isRole)) throw invalidToken('Token "roles" must be a list of known roles')
    return { kind: 'user', userId: sub, organisationId: org, roles }
  }
}

/** Signs a token with the shared HS256 secret (development and tests). */
export async function signToken(
  config: AuthConfig,
  claims: { sub: string; org: string; roles: Role[] },
  expiresIn: string | number = '8h',
): Promise<string> {
  if (config.jwksUrl) throw new Error('Tokens are issued by the identity provider when NANUM_JWKS_URL is set')
  return new SignJWT({ org: claims.org, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret))
}
