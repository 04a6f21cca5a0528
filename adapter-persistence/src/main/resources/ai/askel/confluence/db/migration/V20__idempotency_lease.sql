-- An in-progress idempotency record holds its key only while the request that claimed it renews a
-- short lease. A request that died with its process (kill -9, a crash) stops renewing, the lease runs
-- out, and a retry with the same key takes the claim over instead of getting 409 until the record expires.
-- Records from before this column have no lease: they count as abandoned.
ALTER TABLE idempotency_record ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
