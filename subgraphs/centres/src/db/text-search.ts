import { sql, type SQL } from 'drizzle-orm'

/**
 * Free-text search with pg_trgm, for Korean and English alike. PostgreSQL's built-in full-text
 * search splits words on spaces and stems with a dictionary; it has no Korean morphological
 * analyser, so 주민센터 would never match 센터 and particles (은/는/을/를) would defeat matching.
 * Trigrams need no language knowledge: a term matches a document when it is a substring of it
 * (ILIKE, which the GIN trigram index serves) or close to one of its words (`<%`, word
 * similarity ≥ pg_trgm.word_similarity_threshold, 0.6 by default, which catches near spellings
 * and short Korean words the ILIKE index cannot narrow). Both operators use the same
 * `… USING gin (search_text gin_trgm_ops)` index.
 *
 * pg_trgm is installed in the public schema (see the migration) while a subgraph's search_path is
 * its own schema, hence `public.` and `OPERATOR(public.<%)`.
 */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export const matchesText = (document: SQL, term: string): SQL =>
  sql`(${document} ilike ${likePattern(term)} or ${term} operator(public.<%) ${document})`

export const wordSimilarity = (term: string, document: SQL): SQL<number> => sql<number>`public.word_similarity(${term}, ${document})`

/**
 * Relevance as whole points so that it can sit in a keyset cursor exactly: 1000 when the name
 * contains the term, plus up to 1000 for the best word similarity.
 */
export const relevancePoints = (name: SQL, similarity: SQL, term: string): SQL<number> =>
  sql<number>`(case when ${name} ilike ${likePattern(term)} then 1000 else 0 end + round(1000 * ${similarity}))::int`
