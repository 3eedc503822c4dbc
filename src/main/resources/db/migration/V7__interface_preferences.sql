-- The language each person chose for the pages (and the manual they read there); absent until they choose one.
create table interface_preference (
    username varchar(120) primary key,
    language varchar(8) not null
);
