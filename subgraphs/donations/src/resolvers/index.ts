import { Query } from './query.js'
import { DonationItem } from './donation-item.js'
import { Centre, Household, Organisation } from './centre.js'
import { ItemEvent, Match, Need } from './need.js'
import { itemMutations } from './item-mutations.js'
import { matchMutations } from './match-mutations.js'

export const resolvers = { Query, Mutation: { ...itemMutations, ...matchMutations }, DonationItem, Centre, Organisation, Household, Need, Match, ItemEvent }
