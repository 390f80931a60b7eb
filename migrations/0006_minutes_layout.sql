-- The layout each meeting's minutes were laid out in (1: every step of every matter; 2: the
-- steps the meeting touched, and one line naming the rest). Rows published before were laid
-- out in the first; verify lays a meeting's minutes out again in the layout its row names.
ALTER TABLE minutes ADD COLUMN layout smallint NOT NULL DEFAULT 1;
