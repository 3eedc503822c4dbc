-- What owners decide on problem reports, and the insights the manual learns from.
-- Portable between H2 and PostgreSQL: each statement runs unchanged on both.

-- An accepted report names the change it started; accepted and declined ones say who decided and when.
alter table suggestion add column change_id bigint;
alter table suggestion add column decided_by varchar(120);
alter table suggestion add column decided_at timestamp with time zone;
