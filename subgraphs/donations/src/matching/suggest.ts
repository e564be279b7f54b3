import { failedConstraint, scorePair, type MatchingInput, type MatchItem, type MatchNeed, type ScoreBreakdown } from './score.js'

export interface Suggestion<T> {
  candidate: T
  breakdown: ScoreBreakdown
}

const byScore = <T extends { id: string }>(a: Suggestion<T>, b: Suggestion<T>) =>
  b.breakdown.total - a.breakdown.total || (a.candidate.id < b.candidate.id ? -1 : 1)

/** Needs an item could go to, best first; pairs failing a hard constraint are left out. */
export function suggestNeedsForItem(item: MatchItem, needs: readonly MatchNeed[], input: MatchingInput): Suggestion<MatchNeed>[] {
  return needs
    .filter((need) => failedConstraint(item, need, input) === null)
    .map((need) => ({ candidate: need, breakdown: scorePair(item, need, input) }))
    .sort(byScore)
}

/** Items that could meet a need, best first; pairs failing a hard constraint are left out. */
export function suggestItemsForNeed(need: MatchNeed, items: readonly MatchItem[], input: MatchingInput): Suggestion<MatchItem>[] {
  return items
    .filter((item) => failedConstraint(item, need, input) === null)
    .map((item) => ({ candidate: item, breakdown: scorePair(item, need, input) }))
    .sort(byScore)
}
