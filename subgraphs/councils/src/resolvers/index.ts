import { Query } from './query.js'
import { Council } from './council.js'
import { CouncilMembership } from './council-membership.js'
import { Organisation } from './organisation.js'

export const resolvers = { Query, Council, CouncilMembership, Organisation }
