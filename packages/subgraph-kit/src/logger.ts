import { pino, type Logger } from 'pino'

export type { Logger }

/** JSON logs on stdout; `LOG_LEVEL` sets the level (tests default to `warn`). */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info')): Logger {
  return pino({ name: service, level, base: { service } })
}
