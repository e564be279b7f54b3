import type { z } from 'zod'
import { userError, type UserError } from './user-errors.js'

export type ParsedInput<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] }

/**
 * Validates a mutation's `input` with a zod schema. Every problem becomes an INVALID_VALUE user
 * error whose `field` is the path from the argument (`["input", "capacity"]`), so a client can
 * show each message beside the field it is about; nothing is written when any is found.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, argument = 'input'): ParsedInput<z.infer<T>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    userErrors: result.error.issues.map((issue) =>
      userError('INVALID_VALUE', [argument, ...issue.path.map(String)], issue.message),
    ),
  }
}
