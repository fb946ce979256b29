-- The SHA-256 (hex) of what a cart request asked for, so a reused Idempotency-Key with a different body
-- is refused instead of answered with the first request's result. Null for submissions made before.
alter table cart_submission add column request_fingerprint char(64);
