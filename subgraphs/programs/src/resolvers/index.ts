import { Query } from './query.js'
import { Mutation } from './mutation.js'
import { Program } from './program.js'
import { Centre } from './centre.js'
import { Organisation } from './organisation.js'
import { Enrollment, Household, ProgramReferrals, Referral, ReferralTransition } from './referral.js'
import { ReferralQuery } from './referral-query.js'
import { ReferralMutation } from './referral-mutations.js'

export const resolvers = {
  Query: { ...Query, ...ReferralQuery },
  Mutation: { ...Mutation, ...ReferralMutation },
  Program: { ...Program, ...ProgramReferrals },
  Household,
  Centre,
  Organisation,
  Referral,
  ReferralTransition,
  Enrollment,
}
