using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Strata.Client.Tests.Blog;

namespace Strata.Client.Tests;

/// <summary>OpenTelemetry: a span per operation with a child span per SQL command (database semantic conventions), metrics, and the slow-command warning; captured by the in-memory exporter.</summary>
public class TelemetryTests : ClientTest
{
    private static readonly ActivitySource Test = new("Strata.Client.Tests.Telemetry");

    /// <summary>The spans of one trace: tests run in parallel, and only this test's root separates its spans from theirs.</summary>
    private static async Task<List<Activity>> TraceAsync(Func<Task> body)
    {
        var exported = new List<Activity>();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(StrataTelemetry.Name, Test.Name).AddInMemoryExporter(exported).Build();
        ActivityTraceId trace;
        using (var root = Test.StartActivity("test")!)
        {
            trace = root.TraceId;
            await body();
        }
        tracer.ForceFlush();
        lock (exported) return exported.Where(a => a.TraceId == trace && a.Source.Name == StrataTelemetry.Name).ToList();
    }

    [Theory, MemberData(nameof(Providers))]
    public Task An_operation_span_holds_a_span_per_sql_command(StrataProvider provider) => WithClient(provider, async db =>
    {
        await SeedAsync(db);
        var spans = await TraceAsync(() => db.Users.Where(u => u.Email.Contains("@")).Include(u => u.Posts).FindManyAsync());
        var operation = Assert.Single(spans, s => s.DisplayName == "findMany User");
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        Assert.Equal(NameOf(provider), operation.GetTagItem("db.system.name"));
        var commands = spans.Where(s => s.ParentSpanId == operation.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["SELECT users", "SELECT Post"], commands.Select(c => c.DisplayName));
        Assert.All(commands, c => Assert.Equal(ActivityKind.Client, c.Kind));
        Assert.Equal(("SELECT", "users", 3), ((string)commands[0].GetTagItem("db.operation.name")!, (string)commands[0].GetTagItem("db.collection.name")!, (int)commands[0].GetTagItem("db.response.returned_rows")!));
        Assert.Equal(3, commands[1].GetTagItem("db.response.returned_rows"));
        Assert.All(commands, c => Assert.Null(c.GetTagItem("db.query.text"))); // only when asked
        Assert.All(commands, c => Assert.True(c.StartTimeUtc >= operation.StartTimeUtc && c.Duration <= operation.Duration));

        var writes = await TraceAsync(() => db.Users.UpdateManyAsync(new UserUpdate { Age = 40 }));
        var update = Assert.Single(writes, s => s.DisplayName == "updateMany User");
        Assert.Equal(3, Assert.Single(writes, s => s.ParentSpanId == update.SpanId).GetTagItem("db.response.returned_rows")); // rows changed
    });

    [Fact]
    public Task Selects_group_bys_upserts_and_raw_sql_have_operation_spans() => WithClient(StrataProvider.Sqlite, async db =>
    {
        await SeedAsync(db);
        var spans = await TraceAsync(async () =>
        {
            await db.Users.Select(u => new { u.Email, Posts = u.Posts.Select(p => p.Title) }).FindManyAsync();
            await db.Posts.GroupBy(p => p.AuthorId).SelectAsync(g => g.Count());
            await db.Users.UpsertManyAsync([new UserCreate { Email = "new@example.com" }], on: u => [u.Email]);
            await db.QueryRawAsync<int>($"SELECT 1");
        });
        foreach (var (name, commands) in new[] { ("findMany User", 2), ("groupBy Post", 1), ("upsertMany User", 1), ("queryRaw", 1) })
        {
            var operation = Assert.Single(spans, s => s.DisplayName == name);
            Assert.True(spans.Count(s => s.ParentSpanId == operation.SpanId) >= commands, name);
        }
    });

    [Theory, MemberData(nameof(Providers))]
    public async Task Statement_text_when_enabled_and_failures_marked(StrataProvider provider)
    {
        await WithClient(provider, async db =>
        {
            await SeedAsync(db);
            var spans = await TraceAsync(async () =>
            {
                await db.Users.CountAsync();
                await Assert.ThrowsAsync<UniqueConstraintException>(() => db.Users.CreateAsync(new UserCreate { Email = "ann@example.com" }));
            });
            var count = Assert.Single(spans, s => s.DisplayName == "SELECT users");
            Assert.StartsWith("SELECT COUNT(*)", (string)count.GetTagItem("db.query.text")!);
            Assert.DoesNotContain("ann@example.com", string.Join(" ", spans.Select(s => s.GetTagItem("db.query.text")))); // placeholders, never values
            var create = Assert.Single(spans, s => s.DisplayName == "create User");
            Assert.Equal(ActivityStatusCode.Error, create.Status);
            Assert.Equal("P2002", create.GetTagItem("error.type"));
            Assert.Contains(spans, s => s.ParentSpanId == create.SpanId && s.Status == ActivityStatusCode.Error);
        }, new StrataOptions { TraceStatements = true });
    }

    [Fact]
    public Task Durations_and_row_counts_are_measured() => WithClient(StrataProvider.Sqlite, async db =>
    {
        var metrics = new List<Metric>();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(StrataTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await SeedAsync(db);
        await db.Users.FindManyAsync();
        meter.ForceFlush();
        List<Metric> taken;
        lock (metrics) taken = metrics.ToList();
        var duration = Assert.Single(taken, m => m.Name == "db.client.operation.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Contains(taken, m => m.Name == "db.client.response.returned_rows");
        long points = 0;
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
                if (tag.Key == "db.system.name" && (string?)tag.Value == "sqlite") points += point.GetHistogramCount();
        }
        Assert.True(points >= 4, $"{points} SQLite commands measured"); // three creates and a find at least
    });

    [Fact]
    public async Task A_slow_command_is_a_warning_with_its_sql()
    {
        var log = new ListLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Warning));
        await WithClient(StrataProvider.Sqlite, db => db.Users.CountAsync(), new StrataOptions { LoggerFactory = factory, SlowQueryThreshold = TimeSpan.Zero });
        Assert.Contains(log.Messages, m => m.StartsWith("Slow command", StringComparison.Ordinal) && m.Contains("COUNT(*)"));
        var quiet = new ListLoggerProvider();
        await WithClient(StrataProvider.Sqlite, db => db.Users.CountAsync(),
            new StrataOptions { LoggerFactory = LoggerFactory.Create(b => b.AddProvider(quiet).SetMinimumLevel(LogLevel.Warning)), SlowQueryThreshold = TimeSpan.FromHours(1) });
        Assert.DoesNotContain(quiet.Messages, m => m.StartsWith("Slow command", StringComparison.Ordinal));
    }
}
