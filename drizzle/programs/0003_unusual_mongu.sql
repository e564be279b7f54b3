-- Hand-written (drizzle-kit cannot express it): the distinct pairs of adjacent Hangul syllables
-- (U+AC00–U+D7A3) in a text, for the GIN index below. Trigrams cannot serve a two-character
-- pattern, and the commonest Korean search words are two syllables (간호, 육아, 상담), so such a
-- search is answered by `search_bigrams(search_document) @> array[word]` (see filter-sql.ts).
-- Pairs are taken inside each run of syllables (one pass over the text, whatever its length) and
-- sorted by code point, whatever the database's collation.
CREATE OR REPLACE FUNCTION "programs"."search_bigrams"(document text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT DISTINCT substr(run[1], position, 2) COLLATE "C" AS pair
    FROM regexp_matches(document, '[가-힣]{2,}', 'g') AS runs(run),
      LATERAL generate_series(1, length(run[1]) - 1) AS position
    ORDER BY pair)
$$;
--> statement-breakpoint
CREATE INDEX "programs_search_bigrams_idx" ON "programs"."programs" USING gin (programs.search_bigrams(search_document));
