-- What a council's first publish paid for, measured (a council of 120 meetings: 720 matters,
-- 120 pages of minutes), and what goes:
--
-- * The trigram index on the minutes cost more than everything else: pg_trgm indexes Chinese
--   text three characters at a time. A street office searches far less often than councils
--   publish, and a search reads the minutes' text in one pass (strpos where the words have no
--   letters with a case), so the index goes.
-- * Each record was parsed into jsonb on its way in (40 MB/s for this text) though no question
--   reads inside it: the records are kept as json, the text as written, checked as JSON.
--
-- The compression of the large columns is set beside this by the program, where the server
-- has lz4 (see schema.rs).
DROP INDEX IF EXISTS minutes_text_trgm;
ALTER TABLE councils ALTER COLUMN record TYPE json USING record::json;
ALTER TABLE meetings ALTER COLUMN record TYPE json USING record::json;
ALTER TABLE matters  ALTER COLUMN record TYPE json USING record::json;
ALTER TABLE motions  ALTER COLUMN record TYPE json USING record::json;
