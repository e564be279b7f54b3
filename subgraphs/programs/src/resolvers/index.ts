import { Query } from './query.js'
import { Program } from './program.js'
import { Centre } from './centre.js'
import { Organisation } from './organisation.js'

export const resolvers = { Query, Program, Centre, Organisation }
