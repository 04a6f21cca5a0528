-- How a connection's API token ciphertext is bound: 1 = to the master key id only (as stored before this
-- column), 2 = to the key id, the connection's id and the purpose (AES-GCM associated data), so that a
-- ciphertext copied into another connection's row does not decrypt. The connector re-encrypts rows of
-- binding 1 at start.
ALTER TABLE connection ADD COLUMN token_binding INTEGER DEFAULT 1 NOT NULL;
