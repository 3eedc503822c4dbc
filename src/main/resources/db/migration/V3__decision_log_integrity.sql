-- Decision log integrity: versioned hash chain, records as large as they come, one lock row per customer.
-- Portable between H2 and PostgreSQL: each statement below runs unchanged on both.

-- 1: written before the chain was versioned, hashed with the time in milliseconds; 2: hashes exactly the stored values.
-- Existing rows take 1; the default is dropped so every new row must say which form it was hashed with.
alter table decision_log add column chain_version integer default 1 not null;
alter table decision_log alter column chain_version drop default;

-- Unbounded text, so one large record never fails the batch it is written in; the log refuses oversized records itself
-- (pauta.decisions.max-record-size). H2: varchar without a length holds up to 1,000,000,000 characters; PostgreSQL: no limit
-- but the 1 GB of any value (there 'text' is the same type).
alter table decision_log alter column situation set data type varchar;
alter table decision_log alter column decision set data type varchar;

-- Accepting an offer locks its customer's row (select … for update), so the cap is checked and the entry written by one
-- acceptance at a time per customer. Rows are made on first use and never removed: one per customer who accepted an offer.
create table customer_lock (
    customer_key varchar(64) primary key               -- keyed hash of the customer id, as in compensation_ledger
);
