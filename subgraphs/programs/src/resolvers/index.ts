import { Query } from './query.js'
import { Mutation } from './mutation.js'
import { Program } from './program.js'
import { Centre } from './centre.js'
import { Organisation } from './organisation.js'

export const resolvers = { Query, Mutation, Program, Centre, Organisation }
