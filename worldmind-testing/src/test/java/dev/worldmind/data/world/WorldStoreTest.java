package dev.worldmind.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.NotFoundException;
import dev.worldmind.data.accounts.AccountStore;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.db.Database;
import dev.worldmind.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorldStoreTest {
    static final Layout GALLERY =
            new Layout(
                    20,
                    12,
                    List.of(new Point(2, 6), new Point(3, 6)),
                    List.of(new Obstacle("display-case", 10, 6, 2, 1, 1.1)),
                    List.of(new Portal("to-plaza", 19, 6, 1.5, "plaza", "Plaza")),
                    List.of(
                            new Item(
                                    "mona",
                                    "Mona Lisa",
                                    "Oil on poplar, \"La Gioconda\"",
                                    10,
                                    6,
                                    null),
                            new Item("print", "Print", "", 4, 1, 12.5)));

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savesReplacesAndListsSpaces(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            WorldStore world = new WorldStore(db);
            Space museum =
                    new Space("museum", "Museum", SpaceKind.MUSEUM, 40, Visibility.PUBLIC, GALLERY);
            Space clinic =
                    new Space(
                            "clinic-1", "Clinic", SpaceKind.CLINIC, 4, Visibility.PRIVATE, GALLERY);
            world.saveSpace(museum);
            world.saveSpace(clinic);
            assertThat(world.findSpace("museum")).contains(museum);
            assertThat(world.findSpace("nowhere")).isEmpty();
            assertThat(world.spaces()).containsExactly(clinic, museum);

            Space renamed =
                    new Space(
                            "museum", "Louvre", SpaceKind.MUSEUM, 80, Visibility.MEMBERS, GALLERY);
            world.saveSpace(renamed);
            assertThat(world.findSpace("museum")).contains(renamed);
            assertThat(world.spaces()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsOneRolePerMember(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", "h", Role.CREATOR).id();
            long bob = accounts.create("bob", "h", Role.VISITOR).id();
            WorldStore world = new WorldStore(db);
            world.saveSpace(
                    new Space(
                            "museum", "Museum", SpaceKind.MUSEUM, 40, Visibility.MEMBERS, GALLERY));

            world.setMember("museum", ada, SpaceRole.OWNER);
            world.setMember("museum", bob, SpaceRole.MEMBER);
            world.setMember("museum", bob, SpaceRole.MODERATOR);
            assertThat(world.members("museum"))
                    .containsExactly(
                            Map.entry(ada, SpaceRole.OWNER), Map.entry(bob, SpaceRole.MODERATOR));
            assertThat(world.role("museum", bob)).contains(SpaceRole.MODERATOR);

            world.removeMember("museum", bob);
            world.removeMember("museum", bob);
            assertThat(world.role("museum", bob)).isEmpty();
            assertThat(world.members("nowhere")).isEmpty();
            assertThat(world.role("nowhere", ada)).isEmpty();
            assertThatThrownBy(() -> world.setMember("nowhere", ada, SpaceRole.OWNER))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> world.setMember("museum", bob + 100, SpaceRole.MEMBER))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bansUntilTheirEnd(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            AccountStore accounts = new AccountStore(db);
            long ada = accounts.create("ada", "h", Role.CREATOR).id();
            long bob = accounts.create("bob", "h", Role.VISITOR).id();
            long cy = accounts.create("cy", "h", Role.VISITOR).id();
            WorldStore world = new WorldStore(db);
            world.saveSpace(
                    new Space("plaza", "Plaza", SpaceKind.PLAZA, 40, Visibility.PUBLIC, GALLERY));
            Instant now = Instant.parse("2026-11-29T10:00:00Z");
            Instant end = now.plus(Duration.ofHours(1));

            world.setMember("plaza", cy, SpaceRole.MODERATOR);
            world.ban("plaza", bob, ada, "spam", end);
            world.ban("plaza", cy, ada, "abuse", null);
            assertThat(world.role("plaza", cy)).as("a ban ends the membership").isEmpty();
            assertThat(world.isBanned("plaza", bob, now)).isTrue();
            assertThat(world.isBanned("plaza", bob, end.minusNanos(1000))).isTrue();
            assertThat(world.isBanned("plaza", bob, end)).isFalse();
            assertThat(world.isBanned("plaza", cy, now.plus(Duration.ofDays(3650)))).isTrue();
            assertThat(world.isBanned("plaza", ada, now)).isFalse();
            assertThat(world.isBanned("nowhere", bob, now)).isFalse();

            world.ban("plaza", bob, ada, "again", null); // replaces the timed ban
            assertThat(world.isBanned("plaza", bob, end.plusSeconds(1))).isTrue();
            world.unban("plaza", bob);
            world.unban("plaza", bob);
            assertThat(world.isBanned("plaza", bob, now)).isFalse();
            assertThatThrownBy(() -> world.ban("nowhere", bob, ada, "", null))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savesAndReplacesAvatars(TestDatabase kind) {
        try (Database db = kind.open(dir)) {
            long ada = new AccountStore(db).create("ada", "h", Role.VISITOR).id();
            AvatarStore avatars = new AvatarStore(db);
            assertThat(avatars.find(ada)).isEmpty();

            Avatar first = new Avatar(ada, "Ada", Appearance.DEFAULT);
            avatars.save(first);
            assertThat(avatars.find(ada)).contains(first);

            Avatar second =
                    new Avatar(
                            ada,
                            "Ada L.",
                            new Appearance("#112233", "#445566", "#778899", "slim", 1.15));
            avatars.save(second);
            assertThat(avatars.find(ada)).contains(second);
            assertThatThrownBy(() -> avatars.save(first.withAccountId(ada + 100)))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
