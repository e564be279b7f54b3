import { Query } from './query.js'
import { DonationItem } from './donation-item.js'
import { Centre } from './centre.js'

export const resolvers = { Query, DonationItem, Centre }
