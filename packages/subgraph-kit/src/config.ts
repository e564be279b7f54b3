import { z } from 'zod'

export const DEVELOPMENT_JWT_SECRET = 'nanum-development-secret-change-me-0123456789'

const authSchema = z.object({
  NANUM_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  NANUM_JWKS_URL: z.url().optional(),
  NANUM_JWT_ISSUER: z.string().min(1).default('nanum'),
  NANUM_JWT_AUDIENCE: z.string().min(1).default('nanum-graph'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
})

export interface AuthConfig {
  jwtSecret: string
  jwksUrl?: string
  issuer: string
  audience: string
  usesDevelopmentSecret: boolean
  environment: 'development' | 'test' | 'production'
}

/**
 * Parses environment variables once at start-up. A wrong value stops the process with a message
 * naming the variable, instead of failing later at the first request.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new ConfigError(`Invalid configuration:\n${problems}`)
  }
  return result.data
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const parsed = parseEnv(authSchema, env)
  return {
    jwtSecret: parsed.NANUM_JWT_SECRET,
    jwksUrl: parsed.NANUM_JWKS_URL,
    issuer: parsed.NANUM_JWT_ISSUER,
    audience: parsed.NANUM_JWT_AUDIENCE,
    usesDevelopmentSecret: !parsed.NANUM_JWKS_URL && parsed.NANUM_JWT_SECRET === DEVELOPMENT_JWT_SECRET,
    environment: parsed.NODE_ENV,
  }
}

/** The port a service listens on: `<NAME>_PORT`, else its default. */
export function portFromEnv(variable: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return parseEnv(z.object({ [variable]: z.coerce.number().int().min(0).max(65535).default(fallback) }), env)[variable] as number
}
