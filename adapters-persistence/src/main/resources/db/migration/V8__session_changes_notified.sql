-- A service instance keeps the sessions it has just checked in memory for a few seconds (ADR 12). Every
-- change to a stored session (sign-out, the cap on sessions, a deleted shopper, expiry, a touch, a hand-made
-- update) tells every instance listening which session changed, so it asks the database again. Row by
-- row, so cascades from a deleted shopper are told too; the payload is the stored hash, never a secret.
create function shopper_session_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('shopper_session_changed', old.id_hash);
    return null;
end
$$;

create trigger shopper_session_changed
    after update or delete on shopper_session
    for each row execute function shopper_session_changed();
