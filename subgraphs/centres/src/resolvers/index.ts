import { Query } from './query.js'
import { Organisation } from './organisation.js'
import { Centre } from './centre.js'

export const resolvers = { Query, Organisation, Centre }
