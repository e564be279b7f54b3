import type { OneVisitRow } from '../db/queries.js'
import type { ProgramRow } from '../db/tables.js'

/** The programs of one category in a centre's One Visit brochure. */
export interface ProgramCategoryGroup {
  category: ProgramRow['category']
  totalCount: number
  programs: ProgramRow[]
}

/** Groups one centre's rows (already in category, then name order) into the brochure's sections. */
export function groupByCategory(rows: readonly OneVisitRow[], perCategory: number): ProgramCategoryGroup[] {
  const groups = new Map<ProgramRow['category'], ProgramCategoryGroup>()
  for (const { centreId: _, categoryTotal, ...program } of rows) {
    let group = groups.get(program.category)
    if (!group) groups.set(program.category, (group = { category: program.category, totalCount: categoryTotal, programs: [] }))
    if (group.programs.length < perCategory) group.programs.push(program)
  }
  return [...groups.values()]
}
