import type { Logger } from './logger.js'

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits. A second signal exits at once, for an
 * operator who does not want to wait.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>) {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1)
    stopping = true
    log.info({ signal }, 'shutting down')
    stop().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
