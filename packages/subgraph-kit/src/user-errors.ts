/** A mutation's expected failure, returned in its payload's `userErrors`. */
export interface UserError {
  code: 'NOT_FOUND' | 'NOT_ALLOWED' | 'CONFLICT' | 'INVALID_VALUE' | 'UNAVAILABLE'
  field: string[] | null
  message: string
}

export const userError = (code: UserError['code'], field: string[] | null, message: string): UserError => ({ code, field, message })
