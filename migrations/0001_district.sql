-- The street office's archive: every council's journal as it was written, each line checked
-- against the council's hash chain as it arrives, and the records it makes kept beside it
-- for questions. A council is known by its chain: the hash of its journal's first line.

CREATE TABLE council_chains (
    chain       text PRIMARY KEY,          -- the hash of the journal's first line
    name        text NOT NULL,             -- the council's name, as last published
    published   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE journal_lines (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    seq     bigint NOT NULL,
    at      text   NOT NULL,               -- as hashed: 2026-11-22T14:30:00
    prev    text   NOT NULL,
    change  text   NOT NULL,               -- the change's JSON, the exact bytes hashed
    hash    text   NOT NULL,
    PRIMARY KEY (chain, seq)
);

-- A line is taken only where it continues its council's chain: the next number, the hash of
-- the line before, and a hash that is its own content's.
CREATE FUNCTION journal_line_continues() RETURNS trigger AS $$
DECLARE
    last_seq  bigint;
    last_hash text;
    own       text;
BEGIN
    SELECT seq, hash INTO last_seq, last_hash FROM journal_lines
        WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
    IF last_seq IS NULL THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    own := encode(sha256(convert_to(
        NEW.seq::text || E'\n' || NEW.at || E'\n' || NEW.prev || E'\n' || NEW.change, 'UTF8')), 'hex');
    IF NEW.seq <> last_seq + 1 OR NEW.prev <> last_hash OR NEW.hash <> own THEN
        RAISE EXCEPTION 'line % does not continue the chain of council % (the district holds % lines)',
            NEW.seq, NEW.chain, last_seq
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER journal_lines_continue BEFORE INSERT ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION journal_line_continues();

-- The records the lines make, as the council's laptop holds them, for questions.
CREATE TABLE councils (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    id      bigint NOT NULL,
    name    text   NOT NULL,
    record  jsonb  NOT NULL,
    PRIMARY KEY (chain, id)
);

CREATE TABLE meetings (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    id      bigint NOT NULL,
    council bigint NOT NULL,
    year    integer NOT NULL,
    number  integer NOT NULL,
    start   timestamp NOT NULL,
    record  jsonb  NOT NULL,
    PRIMARY KEY (chain, id)
);

CREATE TABLE matters (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    id      bigint NOT NULL,
    council bigint NOT NULL,
    title   text   NOT NULL,
    stage   text   NOT NULL,
    record  jsonb  NOT NULL,
    PRIMARY KEY (chain, id)
);

CREATE TABLE motions (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    id      bigint NOT NULL,
    matter  bigint NOT NULL,
    meeting bigint NOT NULL,
    passed  boolean,
    record  jsonb  NOT NULL,
    PRIMARY KEY (chain, id)
);

CREATE TABLE tasks (
    chain      text    NOT NULL REFERENCES council_chains (chain),
    matter     bigint  NOT NULL,
    position   integer NOT NULL,
    text       text    NOT NULL,
    owner      text    NOT NULL,
    due        date    NOT NULL,
    percent    integer NOT NULL,
    supervised boolean NOT NULL,
    PRIMARY KEY (chain, matter, position)
);

CREATE TABLE reviews (
    chain        text    NOT NULL REFERENCES council_chains (chain),
    matter       bigint  NOT NULL,
    position     integer NOT NULL,
    meeting      bigint  NOT NULL,
    satisfied    integer NOT NULL,
    basically    integer NOT NULL,
    dissatisfied integer NOT NULL,
    passed       boolean,
    PRIMARY KEY (chain, matter, position)
);
