// The Strata quick start: a todo app on SQLite (no set-up), or on PostgreSQL or MySQL/MariaDB when
// given a postgresql:// or mysql:// URL as the first argument or in DATABASE_URL.
using Quickstart;
using Quickstart.Data;
using Strata;

// `seed` first seeds the demo data instead (idempotent), as `strata db seed` runs it.
bool seeding = args.FirstOrDefault() == "seed";
var url = args.Skip(seeding ? 1 : 0).FirstOrDefault() ?? Environment.GetEnvironmentVariable("DATABASE_URL") ?? "file:./quickstart.db";
await using var db = new TodoDb(new StrataOptions { Url = url, BaseDirectory = AppContext.BaseDirectory });

// Apply the migrations the database lacks, as `strata migrate deploy` does: one folder per provider, copied beside the app.
var applied = await db.MigrateAsync(Path.Combine(AppContext.BaseDirectory, "migrations", db.ProviderName));
Console.WriteLine($"Migrations: {applied.Count} applied, the database is up to date.");
if (seeding)
{
    await Seed.RunAsync(db);
    return;
}
await db.Users.DeleteManyAsync(); // start each run from an empty list (todos go with their user)

// Create a user together with its todos: one transaction.
var user = await db.Users.CreateAsync(new UserCreate
{
    Username = "harkirat", Password = "not-a-real-hash", Age = 21, City = "Delhi",
    Todos = new()
    {
        Create =
        [
            new TodoCreate { Title = "Gym", Description = "Go to gym" },
            new TodoCreate { Title = "Read", Description = "Read a chapter" },
            new TodoCreate { Title = "Cook", Description = "Cook dinner", Done = true },
        ],
    },
});
Console.WriteLine($"Created {user.Username} ({user.Age}, {user.City}).");

// Find the user with its todos.
var found = await db.Users.Include(u => u.Todos.OrderBy(t => t.Title)).FindUniqueOrThrowAsync(u => u.Username == "harkirat");
Console.WriteLine($"{found.Username} has {found.Todos!.Count} todos:");
foreach (var todo in found.Todos) Console.WriteLine($"  [{(todo.Done ? "x" : " ")}] {todo.Title}: {todo.Description}");

// Filter and order: open todos of adult users, by title descending.
var open = await db.Todos.Where(t => !t.Done && t.User.Is(u => u.Age >= 18)).OrderBy(t => t.Title.Desc()).FindManyAsync();
Console.WriteLine("Open, by title descending: " + string.Join(", ", open.Select(t => t.Title)));

// Update one todo, and every todo of the user at once.
var gym = await db.Todos.Where(t => t.Title == "Gym").FindFirstOrThrowAsync();
var done = await db.Todos.UpdateAsync(t => t.Id == gym.Id, new TodoUpdate { Done = true, Description = "Went to the gym" });
Console.WriteLine($"Updated: {done.Title} is {(done.Done ? "done" : "open")} ({done.Description}).");
await db.Users.UpdateAsync(u => u.Id == user.Id, new UserUpdate { Age = Op.Increment(1) });

// Count.
Console.WriteLine($"Todos: {await db.Todos.CountAsync()}, still open: {await db.Todos.Where(t => !t.Done).CountAsync()}.");

// Delete a todo, then the user (its todos cascade).
var deleted = await db.Todos.DeleteAsync(t => t.Id == gym.Id);
Console.WriteLine($"Deleted todo: {deleted.Title}. Todos left: {await db.Todos.CountAsync()}.");
var gone = await db.Users.DeleteAsync(u => u.Username == "harkirat");
Console.WriteLine($"Deleted user: {gone.Username}, now {gone.Age}. Users left: {await db.Users.CountAsync()}, todos left: {await db.Todos.CountAsync()}.");
