import { z } from 'zod'
import { parseEnv, type Caller, type Role } from '@nanum/subgraph-kit'
import type { ReferralStatus } from '../db/tables.js'

/**
 * The referral lifecycle. A referral is SENT by one organisation to the provider of a program;
 * the provider (RECEIVER) accepts or declines it, enrolls the household and, when the service ends,
 * completes it. The SENDER may cancel it until the household is enrolled. Nobody answering within
 * REFERRAL_EXPIRY_DAYS makes it EXPIRED (the clock's transition, SYSTEM). DECLINED, COMPLETED,
 * CANCELLED and EXPIRED are final. Sender and receiver are always two organisations: within one,
 * a household is enrolled directly.
 */
export type ReferralAction = 'ACCEPT' | 'DECLINE' | 'CANCEL' | 'ENROLL' | 'COMPLETE' | 'EXPIRE'
export type ReferralSide = 'SENDER' | 'RECEIVER' | 'SYSTEM'

export interface ReferralTransitionRule {
  from: ReferralStatus
  action: ReferralAction
  to: ReferralStatus
  by: ReferralSide
}

export const REFERRAL_TRANSITIONS: readonly ReferralTransitionRule[] = [
  { from: 'SENT', action: 'ACCEPT', to: 'ACCEPTED', by: 'RECEIVER' },
  { from: 'SENT', action: 'DECLINE', to: 'DECLINED', by: 'RECEIVER' },
  { from: 'SENT', action: 'CANCEL', to: 'CANCELLED', by: 'SENDER' },
  { from: 'SENT', action: 'EXPIRE', to: 'EXPIRED', by: 'SYSTEM' },
  { from: 'ACCEPTED', action: 'CANCEL', to: 'CANCELLED', by: 'SENDER' },
  { from: 'ACCEPTED', action: 'ENROLL', to: 'ENROLLED', by: 'RECEIVER' },
  { from: 'ENROLLED', action: 'COMPLETE', to: 'COMPLETED', by: 'RECEIVER' },
]

export const FINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(['DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED'])

/** The transition an action makes from a status, or null when the table has none. */
export function transitionFor(from: ReferralStatus, action: ReferralAction): ReferralTransitionRule | null {
  return REFERRAL_TRANSITIONS.find((rule) => rule.from === from && rule.action === action) ?? null
}

/** Staff who act on referrals for their organisation: those who handle cases and deliver services. */
export const REFERRAL_ROLES: readonly Role[] = ['CASEWORKER', 'NURSE', 'ORG_ADMIN']

export const actsForReferrals = (caller: Caller): caller is Extract<Caller, { kind: 'user' }> =>
  caller.kind === 'user' && caller.roles.some((role) => REFERRAL_ROLES.includes(role))

/** The side the caller is on for a referral between two organisations, or null when neither. */
export function sideOf(caller: Caller, referral: { fromOrganisationId: string; toOrganisationId: string }): ReferralSide | null {
  if (!actsForReferrals(caller)) return null
  if (caller.organisationId === referral.toOrganisationId) return 'RECEIVER'
  if (caller.organisationId === referral.fromOrganisationId) return 'SENDER'
  return null
}

/** Why the caller may not take an action on a referral in its current status, or null when they may. */
export function transitionProblem(caller: Caller, referral: { status: ReferralStatus; fromOrganisationId: string; toOrganisationId: string }, action: ReferralAction): string | null {
  const rule = transitionFor(referral.status, action)
  if (!rule) return `A ${referral.status} referral cannot be ${PAST[action]}`
  if (sideOf(caller, referral) !== rule.by) return `Only the ${rule.by === 'SENDER' ? "sending organisation's" : "receiving organisation's"} staff may do this`
  return null
}

const PAST: Record<ReferralAction, string> = {
  ACCEPT: 'accepted',
  DECLINE: 'declined',
  CANCEL: 'cancelled',
  ENROLL: 'enrolled',
  COMPLETE: 'completed',
  EXPIRE: 'expired',
}

const configSchema = z.object({ REFERRAL_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(14) })

/** Days a SENT referral waits for an answer before it expires (env REFERRAL_EXPIRY_DAYS, default 14). */
export const referralExpiryDays = (env: NodeJS.ProcessEnv = process.env) => parseEnv(configSchema, env).REFERRAL_EXPIRY_DAYS

export const expiryFrom = (sentAt: Date, days = referralExpiryDays()) => new Date(sentAt.getTime() + days * 86_400_000)
