import { Query } from './query.js'
import { Mutation } from './mutation.js'
import { Discovery, Household, HouseholdMember } from './household.js'
import { AccessAudit, Consent, ConsultationNote, Reassignment, StatusChange, Visit } from './records.js'
import { Centre } from './centre.js'

export const resolvers = { Query, Mutation, Household, HouseholdMember, Discovery, StatusChange, Reassignment, Visit, Consent, ConsultationNote, AccessAudit, Centre }
