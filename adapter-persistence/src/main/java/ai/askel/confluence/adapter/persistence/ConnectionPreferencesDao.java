package ai.askel.confluence.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface ConnectionPreferencesDao {
    @SqlUpdate("UPDATE connection_default_space SET space_key = :space, chosen_at = :at WHERE connection_id = :connection")
    int update(@Bind("connection") String connection, @Bind("space") String space, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO connection_default_space (connection_id, space_key, chosen_at) VALUES (:connection, :space, :at)")
    void insert(@Bind("connection") String connection, @Bind("space") String space, @Bind("at") Instant at);

    @SqlQuery("SELECT space_key FROM connection_default_space WHERE connection_id = :connection")
    Optional<String> find(@Bind("connection") String connection);
}
