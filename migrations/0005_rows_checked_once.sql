-- What a council's first publish still paid for, measured (a council of 120 meetings: about
-- 2,300 rows beside its lines), and what changes:
--
-- * Each row-level policy called district_own_chain() for every row it checked. Written as a
--   subquery, the chain is asked once a statement.
-- * Each row of the records tables was checked against council_chains by its foreign key on its
--   own: a lookup and a row lock a row, a quarter of the publish. The policy now asks, once a
--   statement, that the chain a council writes rows for is its own and is published. The lines
--   keep their key, so a chain that has lines cannot be removed, and a council writes rows only
--   in the transaction that writes their lines.

-- The chain the logged-in council writes, once its first lines are published.
CREATE FUNCTION district_published_chain() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT r.chain FROM council_roles r JOIN council_chains c ON c.chain = r.chain
          WHERE r.role = session_user $$;

ALTER TABLE councils DROP CONSTRAINT IF EXISTS councils_chain_fkey;
ALTER TABLE meetings DROP CONSTRAINT IF EXISTS meetings_chain_fkey;
ALTER TABLE matters  DROP CONSTRAINT IF EXISTS matters_chain_fkey;
ALTER TABLE motions  DROP CONSTRAINT IF EXISTS motions_chain_fkey;
ALTER TABLE tasks    DROP CONSTRAINT IF EXISTS tasks_chain_fkey;
ALTER TABLE reviews  DROP CONSTRAINT IF EXISTS reviews_chain_fkey;
ALTER TABLE minutes  DROP CONSTRAINT IF EXISTS minutes_chain_fkey;

DROP POLICY own_chain ON council_chains;
DROP POLICY own_chain ON journal_lines;
DROP POLICY own_chain ON published_heads;
DROP POLICY own_chain ON councils;
DROP POLICY own_chain ON meetings;
DROP POLICY own_chain ON matters;
DROP POLICY own_chain ON motions;
DROP POLICY own_chain ON tasks;
DROP POLICY own_chain ON reviews;
DROP POLICY own_chain ON minutes;

CREATE POLICY own_chain ON council_chains
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_own_chain()));
CREATE POLICY own_chain ON journal_lines
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_own_chain()));
CREATE POLICY own_chain ON published_heads
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_own_chain()));
CREATE POLICY own_chain ON councils
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON meetings
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON matters
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON motions
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON tasks
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON reviews
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
CREATE POLICY own_chain ON minutes
    USING (chain = (SELECT district_own_chain())) WITH CHECK (chain = (SELECT district_published_chain()));
