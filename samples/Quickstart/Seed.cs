using Quickstart.Data;

namespace Quickstart;

/// <summary>
/// The demo data (`dotnet run -- seed`, or `strata db seed`, which strata.config.json points here).
/// Idempotent: it upserts by the unique username, so a second run changes nothing.
/// </summary>
internal static class Seed
{
    public static async Task RunAsync(TodoDb db)
    {
        var demo = await db.Users.UpsertAsync(u => u.Username == "demo",
            new UserCreate
            {
                Username = "demo", Password = "not-a-real-hash", Age = 30, City = "Pune",
                Todos = new() { Create = [new TodoCreate { Title = "Try Strata", Description = "Run the quick start" }, new TodoCreate { Title = "Read the docs", Description = "docs/client.md" }] },
            },
            new UserUpdate()); // already there: left as it is
        Console.WriteLine($"Seeded: {demo.Username} with {await db.Todos.Where(t => t.UserId == demo.Id).CountAsync()} todos.");
    }
}
