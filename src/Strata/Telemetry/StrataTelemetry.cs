using System.Diagnostics;
using System.Diagnostics.Metrics;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// Strata's OpenTelemetry sources, following OpenTelemetry's database semantic conventions: an
/// <see cref="ActivitySource"/> named <see cref="Name"/> with one client span per SQL command
/// (<c>db.system.name</c>, <c>db.operation.name</c>, <c>db.collection.name</c>, the statement text
/// only with <see cref="StrataOptions.TraceStatements"/>), and a <see cref="Meter"/> of the same name with
/// <c>db.client.operation.duration</c> (seconds) and <c>db.client.response.returned_rows</c>.
/// Subscribe with <c>AddSource("Strata")</c> and <c>AddMeter("Strata")</c>; with no listener they cost a check per command.
/// </summary>
public static class StrataTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Strata";

    private static readonly string? Version = typeof(StrataTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("db.client.operation.duration", "s", "Duration of database client operations (one SQL command).");

    private static readonly Histogram<long> Rows = Meter.CreateHistogram<long>("db.client.response.returned_rows", "{row}", "Rows a SQL command read or changed.");

    /// <summary>True when a span or a measurement would be taken.</summary>
    internal static bool Active => Source.HasListeners() || Duration.Enabled || Rows.Enabled;

    /// <summary>Records a finished (or failed) command: its span, started <paramref name="elapsed"/> ago, and its measurements.</summary>
    internal static void Command(string system, string sql, ModelInfo? model, TimeSpan elapsed, int rows, Exception? error, bool withText)
    {
        var operation = OperationOf(sql);
        var table = model?.TableName;
        if (Source.HasListeners())
        {
            var end = DateTime.UtcNow;
            using var activity = Source.StartActivity(table == null ? operation : operation + " " + table, ActivityKind.Client, default(ActivityContext), startTime: end - elapsed);
            if (activity != null)
            {
                activity.SetTag("db.system.name", system);
                activity.SetTag("db.operation.name", operation);
                if (table != null) activity.SetTag("db.collection.name", table);
                if (withText) activity.SetTag("db.query.text", sql);
                if (rows >= 0) activity.SetTag("db.response.returned_rows", rows);
                if (error != null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, error.Message);
                    activity.SetTag("error.type", error.GetType().FullName);
                }
                activity.SetEndTime(end);
            }
        }
        var tags = new TagList { { "db.system.name", system }, { "db.operation.name", operation } };
        if (table != null) tags.Add("db.collection.name", table);
        if (error != null) tags.Add("error.type", error.GetType().FullName);
        Duration.Record(elapsed.TotalSeconds, tags);
        if (rows >= 0) Rows.Record(rows, tags);
    }

    /// <summary>The statement's first keyword, upper case (SELECT, INSERT, UPDATE, DELETE, WITH, ...).</summary>
    internal static string OperationOf(string sql)
    {
        int start = 0;
        while (start < sql.Length && (char.IsWhiteSpace(sql[start]) || sql[start] == '(')) start++;
        int end = start;
        while (end < sql.Length && char.IsAsciiLetter(sql[end])) end++;
        return end > start ? sql[start..end].ToUpperInvariant() : "SQL";
    }
}
