-- Each meeting's minutes as text (简体, as the laptop lays them out), for search across
-- councils. A trigram index where the server allows the pg_trgm extension is made beside it
-- by the program (see schema.rs), not here: a district without it still searches.
CREATE TABLE minutes (
    chain   text   NOT NULL REFERENCES council_chains (chain),
    meeting bigint NOT NULL,
    label   text   NOT NULL,
    text    text   NOT NULL,
    PRIMARY KEY (chain, meeting)
);
