/** Roles a token may carry. A role is always held within the caller's organisation. */
export const ROLES = [
  'CASEWORKER',
  'NURSE',
  'VOLUNTEER',
  'INTERMEDIARY',
  'COUNCIL_MEMBER',
  'ORG_ADMIN',
  'SYSTEM_ADMIN',
] as const

export type Role = (typeof ROLES)[number]

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value)
