import { Query } from './query.js'
import { Household } from './household.js'

export const resolvers = { Query, Household }
