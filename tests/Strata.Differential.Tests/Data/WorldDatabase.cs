using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Differential.Tests.World;
using Strata.Migrate;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Sqlite.Migrations;
using Strata.TestSupport;

namespace Strata.Differential.Tests.Data;

/// <summary>A database with the world's tables (a temporary SQLite file, or a database on the private PostgreSQL), written through the client.</summary>
public sealed class WorldDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private WorldDatabase(StrataProvider provider, string url, string? file)
    {
        Provider = provider;
        Url = url;
        _file = file;
        Client = new WorldDb(new StrataOptions { Url = url, LoggerFactory = LoggerFactory.Create(b => b.AddProvider(Log).SetMinimumLevel(LogLevel.Information)), LogParameterValues = true });
    }

    public StrataProvider Provider { get; }

    public string Url { get; }

    public WorldDb Client { get; }

    /// <summary>The statements the client ran, newest last (a failing case prints them).</summary>
    public StatementLog Log { get; } = new();

    public static async Task<WorldDatabase> CreateAsync(StrataProvider provider)
    {
        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "world.prisma"))).Schema;
        if (provider == StrataProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "strata-world-" + Guid.NewGuid().ToString("N") + ".db");
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await CreateTablesAsync(connection, new SqliteMigrationDialect(), schema);
            }
            return new WorldDatabase(provider, "file:" + file, file);
        }
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("world");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await CreateTablesAsync(connection, new PostgresMigrationDialect(), schema);
        }
        return new WorldDatabase(provider, connectionString, null);
    }

    /// <summary>Writes the world's rows through the client: tags, members (with nested connects for the m:n links), posts, comments, follows.</summary>
    public async Task SeedAsync(WorldData data)
    {
        var db = Client;
        await db.Tags.CreateManyAsync(data.Tags.Select(t => new TagCreate { Id = t.Id, Label = t.Label, Group = t.Group }));
        foreach (var m in data.Members)
        {
            var friends = data.Friends.Where(f => f.A == m.Id).Select(f => f.B).ToList();
            var tags = data.MemberTags.Where(t => t.Member == m.Id).Select(t => t.Tag).ToList();
            await db.Members.CreateAsync(new MemberCreate
            {
                Id = m.Id, Handle = m.Handle, Name = m.Name, Age = m.Age, Score = m.Score, Balance = m.Balance, Karma = m.Karma,
                Active = m.Active, Tier = m.Tier, Rank = m.Rank, BornAt = m.BornAt, JoinedAt = m.JoinedAt, Avatar = m.Avatar,
                Meta = m.Meta?.DeepClone(), InvitedById = m.InvitedById, MentorId = m.MentorId,
                Friends = friends.Count == 0 ? null : new() { Connect = friends.Select(id => (Func<MemberUnique, UniqueFilter>)(u => u.Id == id)).ToList() },
                Tags = tags.Count == 0 ? null : new() { Connect = tags.Select(id => (Func<TagUnique, UniqueFilter>)(u => u.Id == id)).ToList() },
            });
        }
        await db.Posts.CreateManyAsync(data.Posts.Select(p => new PostCreate
        {
            Id = p.Id, Title = p.Title, Body = p.Body, Views = p.Views, Rating = p.Rating, Published = p.Published, AuthorId = p.AuthorId, EditorId = p.EditorId,
        }));
        await db.Comments.CreateManyAsync(data.Comments.Select(c => new CommentCreate { PostId = c.PostId, Seq = c.Seq, Text = c.Text, Likes = c.Likes }));
        await db.Follows.CreateManyAsync(data.Follows.Select(f => new FollowCreate { FollowerId = f.FollowerId, FollowedId = f.FollowedId, Since = f.Since, Weight = f.Weight }));
    }

    private static async Task CreateTablesAsync(System.Data.Common.DbConnection connection, IMigrationDialect dialect, Strata.Schema.Semantics.SchemaDefinition schema)
    {
        var steps = MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect);
        await new MigrationRunner(connection, dialect).ExecuteScriptAsync(dialect.Render(steps));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_file != null) File.Delete(_file);
    }
}

/// <summary>Keeps the last statements a client logged.</summary>
public sealed class StatementLog : ILoggerProvider
{
    private readonly Queue<string> _lines = new();

    public void Clear()
    {
        lock (_lines) _lines.Clear();
    }

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.ToList(); }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > 20) _lines.Dequeue();
        }
    }

    private sealed class Logger(StatementLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(formatter(state, exception));
    }
}
