-- Settling abandoned cart submissions looks for the few still PENDING by age; keep that off a full scan.
create index cart_submission_pending_idx on cart_submission (submitted_at) where outcome = 'PENDING';
