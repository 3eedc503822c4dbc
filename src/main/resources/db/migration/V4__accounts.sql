-- Accounts that can be stopped: a disable or a password change moves credentials_version, which ends every page
-- session signed in before it; a key works only while its owner (the person accountable for it) is enabled.

alter table app_user add column credentials_version integer default 0 not null;

alter table api_key add column owner varchar(120);
update api_key set owner = created_by;
-- a key created with another key belongs to that key's creator; deeper chains keep a non-user owner and stop working
update api_key k set owner = (select p.created_by from api_key p where 'api-key:' || p.id = k.created_by)
    where k.created_by like 'api-key:%' and exists (select 1 from api_key p where 'api-key:' || p.id = k.created_by);
alter table api_key alter column owner set not null;
