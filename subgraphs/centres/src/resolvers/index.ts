import { Query } from './query.js'
import { Mutation } from './mutation.js'
import { Organisation } from './organisation.js'
import { Centre } from './centre.js'

export const resolvers = { Query, Mutation, Organisation, Centre }
