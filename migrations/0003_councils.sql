-- Each council writes with a login of its own, to its own chain only, and signs what it
-- published. The street office enrols a council under a code (the community's 12-digit
-- 统计用区划代码, a hyphen and the council's number); the council's first publish claims its
-- chain and registers its laptop's key. Every publish ends with a head (the chain's last line)
-- signed by that key and appended to a log all councils share, each entry hashing the one
-- before: a line cut from a chain, a chain rewritten, or a council taken away shows against
-- heads no one but its laptop can sign. The district's owner alone may change or delete rows.

CREATE TABLE council_roles (
    role     text PRIMARY KEY,             -- the council's PostgreSQL login
    code     text NOT NULL UNIQUE,         -- 110101001001-01
    name     text NOT NULL,                -- as the street office enrolled it
    chain    text UNIQUE,                  -- claimed by its first publish
    key      text,                         -- its laptop's minisign public key, claimed with it
    enrolled timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE published_heads (
    n         bigint PRIMARY KEY,          -- the log's own numbering, from 1
    chain     text   NOT NULL,
    seq       bigint NOT NULL,             -- the chain's last line when published
    hash      text   NOT NULL,             -- and its hash
    prev      text   NOT NULL,             -- the entry before's own hash
    own       text   NOT NULL,             -- SHA-256 of n, chain, seq, hash and prev, a line each
    signature text   NOT NULL,             -- the council's minisign signature of those lines
    at        timestamptz NOT NULL DEFAULT now()
);

-- The chain the logged-in council writes: its own, once claimed.
CREATE FUNCTION district_own_chain() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT chain FROM council_roles WHERE role = session_user $$;

-- A council's publish claims its chain and its laptop's key, once; the same chain and key
-- after that, never another's.
CREATE FUNCTION district_claim(claimed text, laptop_key text)
    RETURNS TABLE (code text, name text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    r council_roles;
BEGIN
    SELECT * INTO r FROM council_roles WHERE role = session_user FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'yishi:not-enrolled' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r.chain IS NOT NULL AND r.chain <> claimed THEN
        RAISE EXCEPTION 'yishi:other-chain' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r.key IS NOT NULL AND r.key <> laptop_key THEN
        RAISE EXCEPTION 'yishi:other-key' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r.chain IS NULL AND EXISTS (SELECT 1 FROM council_roles c WHERE c.chain = claimed) THEN
        RAISE EXCEPTION 'yishi:chain-taken' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE council_roles SET chain = claimed, key = laptop_key WHERE role = session_user;
    RETURN QUERY SELECT r.code, r.name;
END
$$;

-- The log's last entry, which the next head follows (a council sees no other rows).
CREATE FUNCTION district_log_head() RETURNS TABLE (n bigint, own text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT n, own FROM published_heads ORDER BY n DESC LIMIT 1 $$;

-- A head is taken only from its own council, naming its chain's last line, and following the
-- log's last entry; one at a time.
CREATE FUNCTION published_head_follows() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    last_n    bigint;
    last_own  text;
    line_seq  bigint;
    line_hash text;
    own       text;
BEGIN
    PERFORM pg_advisory_xact_lock(7946110);
    IF NEW.chain IS DISTINCT FROM district_own_chain() THEN
        RAISE EXCEPTION 'yishi:not-own-chain' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT p.n, p.own INTO last_n, last_own FROM published_heads p ORDER BY p.n DESC LIMIT 1;
    IF last_n IS NULL THEN
        last_n := 0;
        last_own := repeat('0', 64);
    END IF;
    SELECT seq, hash INTO line_seq, line_hash FROM journal_lines
        WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
    own := encode(sha256(convert_to(NEW.n::text || E'\n' || NEW.chain || E'\n' || NEW.seq::text
        || E'\n' || NEW.hash || E'\n' || NEW.prev, 'UTF8')), 'hex');
    IF NEW.n <> last_n + 1 OR NEW.prev <> last_own OR NEW.own <> own
        OR NEW.seq IS DISTINCT FROM line_seq OR NEW.hash IS DISTINCT FROM line_hash THEN
        RAISE EXCEPTION 'head % does not follow the district''s log (it holds % entries)',
            NEW.n, last_n USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER published_heads_follow BEFORE INSERT ON published_heads
    FOR EACH ROW EXECUTE FUNCTION published_head_follows();

-- Every council's login is a member of this role; what it may do is granted here once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yishi_council') THEN
        CREATE ROLE yishi_council NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON council_roles FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO yishi_council;
GRANT SELECT ON yishi_migrations TO yishi_council;
-- Lines and heads are written once: no council may change or delete them.
GRANT SELECT, INSERT ON journal_lines, published_heads TO yishi_council;
GRANT SELECT, INSERT, UPDATE ON council_chains TO yishi_council;
-- The records the lines make are kept current by their council; verify derives them again.
GRANT SELECT, INSERT, UPDATE, DELETE
    ON councils, meetings, matters, motions, tasks, reviews, minutes TO yishi_council;

ALTER TABLE council_chains  ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_lines   ENABLE ROW LEVEL SECURITY;
ALTER TABLE published_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE councils        ENABLE ROW LEVEL SECURITY;
ALTER TABLE meetings        ENABLE ROW LEVEL SECURITY;
ALTER TABLE matters         ENABLE ROW LEVEL SECURITY;
ALTER TABLE motions         ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks           ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews         ENABLE ROW LEVEL SECURITY;
ALTER TABLE minutes         ENABLE ROW LEVEL SECURITY;

CREATE POLICY own_chain ON council_chains  USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON journal_lines   USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON published_heads USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON councils        USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON meetings        USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON matters         USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON motions         USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON tasks           USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON reviews         USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
CREATE POLICY own_chain ON minutes         USING (chain = district_own_chain()) WITH CHECK (chain = district_own_chain());
