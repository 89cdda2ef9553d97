package dev.worldmind.data.db.migration;

import dev.worldmind.data.naming.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 6: the {@code name_claims} table ({@link dev.worldmind.data.naming.NameClaims}),
 * filled with the skeletons of the user and avatar names already there. The skeleton comes from
 * ICU, not SQL, hence a Java migration. Where old names already look alike, the older account keeps
 * the claim and the other keeps its name (nobody is renamed), but no one can take a third.
 */
public final class V6__NameClaims extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE name_claims ("
                            + " skeleton VARCHAR(1024) PRIMARY KEY,"
                            + " account_id BIGINT NOT NULL REFERENCES accounts (id)"
                            + " ON DELETE CASCADE)");
            s.execute("CREATE INDEX name_claims_account ON name_claims (account_id)");
        }
        Set<String> taken = new HashSet<>();
        try (PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO name_claims (skeleton, account_id) VALUES (?, ?)");
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT a.id, a.username, v.name FROM accounts a"
                                        + " LEFT JOIN avatars v ON v.account_id = a.id"
                                        + " ORDER BY a.id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                for (String name : new String[] {rs.getString(2), rs.getString(3)}) {
                    if (name != null && taken.add(Names.skeleton(name))) {
                        insert.setString(1, Names.skeleton(name));
                        insert.setLong(2, id);
                        insert.executeUpdate();
                    }
                }
            }
        }
    }
}
