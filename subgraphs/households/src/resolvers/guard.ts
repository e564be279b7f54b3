import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import { decideField, GUARDED_FIELDS, hiddenField, isVisible, type FieldDecision, type GuardedField } from '../rules/access.js'
import type { LoadedHousehold } from '../loaders.js'
import type { Context } from '../context.js'

/** Writes the audit entry a decision needs (if any); resolves once it is stored. */
function audit(ctx: Context, householdId: string, decision: FieldDecision): Promise<unknown> | undefined {
  if (!decision.audited) return undefined
  return ctx.loaders.audit.load({ householdId, field: decision.field, allowed: decision.allowed, purpose: decision.purpose, requestId: ctx.requestId })
}

/**
 * Reads one guarded field of a household: the access rule decides, the read (or the refused
 * attempt) is audited first when its group is audited, and a refused field becomes null with a
 * FORBIDDEN error at its path.
 */
export async function guarded<T>(ctx: Context, household: LoadedHousehold, field: GuardedField, read: () => T | Promise<T>): Promise<T> {
  const decision = decideField(household.access, field)
  await audit(ctx, household.id, decision)
  if (!decision.allowed) throw hiddenField(decision)
  return read()
}

/** Audits several decisions about one household at once (e.g. every member field asked for). */
export async function auditAll(ctx: Context, householdId: string, decisions: readonly FieldDecision[]) {
  await Promise.all(decisions.map((decision) => audit(ctx, householdId, decision)))
}

/**
 * The guarded fields a selection of Household asks for, nested members and discovery included
 * (fragments followed; @skip/@include ignored, so an attempt is over- rather than under-recorded).
 */
export function requestedGuardedFields(info: GraphQLResolveInfo, typeName = 'Household'): GuardedField[] {
  const found = new Set<GuardedField>()
  const nestedTypes: Record<string, string> = { 'Household.members': 'HouseholdMember', 'Household.discovery': 'Discovery' }
  const walk = (selectionSet: SelectionSetNode | undefined, type: string) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = `${type}.${selection.name.value}`
        if (key in GUARDED_FIELDS) found.add(key as GuardedField)
        if (nestedTypes[key]) walk(selection.selectionSet, nestedTypes[key])
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || selection.typeCondition.name.value === type) walk(selection.selectionSet, type)
      } else {
        const fragment = info.fragments[selection.name.value]
        if (fragment && fragment.typeCondition.name.value === type) walk(fragment.selectionSet, type)
      }
    }
  }
  for (const node of info.fieldNodes) walk(node.selectionSet, typeName)
  return [...found]
}

/**
 * What a path to a household by id returns: the household when the caller may see it, else null
 * (as if it did not exist). An existing household's refused attempt at audited fields is recorded.
 */
export async function visibleOrNull(ctx: Context, household: LoadedHousehold | null, info: GraphQLResolveInfo): Promise<LoadedHousehold | null> {
  if (!household) return null
  if (isVisible(household.access)) return household
  const attempted = requestedGuardedFields(info).map((field) => decideField(household.access, field))
  await auditAll(ctx, household.id, attempted)
  return null
}
