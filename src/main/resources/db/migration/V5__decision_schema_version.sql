-- Logged situations and decisions are stored in a schema the decisions module owns, versioned per row, so a change to the
-- in-memory records never changes what old rows mean. Portable between H2 and PostgreSQL: each statement runs unchanged on both.

-- 1: the Jackson rendering of the in-memory records, which every row written before this migration holds; 2: the decisions
-- module's own schema. Existing rows take 1; the default is dropped so every new row must say which schema it is in.
alter table decision_log add column schema_version integer default 1 not null;
alter table decision_log alter column schema_version drop default;

-- Chain versions 1 and 2 hash no schema version: their rows keep the only one they can have been written in, and
-- from chain version 3 on the hash covers it.
alter table decision_log add constraint decision_log_schema_version_hashed check (chain_version >= 3 or schema_version = 1);
