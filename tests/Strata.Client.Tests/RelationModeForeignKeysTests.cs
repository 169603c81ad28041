using Microsoft.Extensions.Logging;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>
/// With relationMode = "foreignKeys" (the blog schema's default) the database carries out the
/// referential actions: a delete or a key update is one statement, with none of the emulation's
/// reads (tests/Strata.RelationMode.Tests covers relationMode = "prisma").
/// </summary>
public class RelationModeForeignKeysTests : ClientTest
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Deletes_and_key_updates_run_one_statement_and_the_database_acts(StrataProvider provider)
    {
        var logs = new ListLoggerProvider();
        await WithClient(provider, async db =>
        {
            var ann = await db.Users.CreateAsync(new UserCreate { Email = "ann@example.com", Profile = new() { Create = new ProfileCreate { Bio = "hi" } } });
            await db.Users.CreateAsync(new UserCreate { Email = "bob@example.com", Profile = new() { Create = new ProfileCreate { Bio = "yo" } } });

            // One write; without RETURNING (MySQL) the record is also read: its key before, itself after.
            var moved = await Statements(logs, () => db.Users.UpdateAsync(u => u.Id == ann.Id, new UserUpdate { Id = 100 }));
            Assert.StartsWith("UPDATE", Assert.Single(moved, s => !s.StartsWith("SELECT", StringComparison.Ordinal)));
            Assert.Equal(provider == StrataProvider.MySql ? 3 : 1, moved.Count);
            Assert.Equal(100, (await db.Profiles.Where(p => p.Bio == "hi").FindFirstOrThrowAsync()).UserId); // ON UPDATE CASCADE of the foreign key

            var deleted = await Statements(logs, () => db.Users.DeleteAsync(u => u.Id == 100));
            Assert.StartsWith("DELETE", Assert.Single(deleted, s => !s.StartsWith("SELECT", StringComparison.Ordinal)));
            Assert.Equal(provider == StrataProvider.MySql ? 2 : 1, deleted.Count);
            var many = await Statements(logs, () => db.Users.DeleteManyAsync());
            Assert.Single(many);
            Assert.Equal(0, await db.Profiles.CountAsync()); // ON DELETE CASCADE of the foreign key
        }, new StrataOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)) });
    }

    /// <summary>The SQL of the statements <paramref name="action"/> ran.</summary>
    private static async Task<List<string>> Statements(ListLoggerProvider logs, Func<Task> action)
    {
        lock (logs.Messages) logs.Messages.Clear();
        await action();
        lock (logs.Messages)
            return logs.Messages.Where(m => m.StartsWith("Executed", StringComparison.Ordinal)).Select(m => m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
    }
}
