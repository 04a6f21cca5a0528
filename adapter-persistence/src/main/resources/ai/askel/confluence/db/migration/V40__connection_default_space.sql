-- The space a connection publishes to by default (chosen on the console's Spaces page); gone with the connection.
CREATE TABLE connection_default_space (
    connection_id VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES connection (id) ON DELETE CASCADE,
    space_key     VARCHAR(256)             NOT NULL,
    chosen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
