-- A host application's own schema, migrated by the host's own Flyway (SchemaMigrationContract).
CREATE TABLE orders (id INTEGER PRIMARY KEY);
