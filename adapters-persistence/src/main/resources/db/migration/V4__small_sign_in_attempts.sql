-- Sign-in attempts are stored for callers nobody knows yet: their return path is capped at 512
-- characters (the domain refuses longer). Attempts live 10 minutes, so dropping longer ones loses nothing
-- that could still complete.
delete from login_attempt where length(return_to) > 512;
alter table login_attempt alter column return_to type varchar(512);
