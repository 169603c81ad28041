using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Strata;

/// <summary>How a client connects and logs. Set <see cref="Url"/> or <see cref="DataSource"/>; with neither, the schema's datasource URL (or its <c>env("...")</c> variable) is used.</summary>
public sealed class StrataOptions
{
    /// <summary>
    /// A URL (<c>file:./dev.db</c>, <c>postgresql://user:pass@host/db</c>) or an ADO.NET
    /// connection string (<c>Data Source=dev.db</c>, <c>Host=...;Database=...</c>).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>A data source the application configured (Npgsql's <c>NpgsqlDataSource</c>, or SQLite's); the application owns and disposes it.</summary>
    public DbDataSource? DataSource { get; set; }

    /// <summary>The database; when null it is taken from the URL or data source, else from the schema's datasource.</summary>
    public StrataProvider? Provider { get; set; }

    /// <summary>
    /// Where relative SQLite <c>file:</c> URLs are resolved. When null: the schema's folder if the app
    /// runs in its project folder (as the <c>strata</c> command resolves them, so both use one file),
    /// else the app's own folder (<see cref="AppContext.BaseDirectory"/>, a published app).
    /// </summary>
    public string? BaseDirectory { get; set; }

    /// <summary>Logs each statement with its duration (category <c>Strata.Database.Command</c>, level Information).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Also logs parameter values. Off by default: values may be personal data or secrets.</summary>
    public bool LogParameterValues { get; set; }

    /// <summary>A statement that takes at least this long is logged as a warning with its SQL (category <c>Strata.Database.Command</c>, event <c>SlowCommand</c>); null logs none.</summary>
    public TimeSpan? SlowQueryThreshold { get; set; }

    /// <summary>
    /// OpenTelemetry spans (<see cref="StrataTelemetry"/>) carry the statement's SQL as <c>db.query.text</c>.
    /// Off by default; the text holds placeholders, never values.
    /// </summary>
    public bool TraceStatements { get; set; }

    /// <summary>
    /// How long a statement may run on PostgreSQL before it fails with <see cref="ErrorCodes.Timeout"/>
    /// (P1008); the driver's default (30 s) when null. SQLite statements have no time limit.
    /// </summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>
    /// How long a SQLite statement waits for a database that another connection is writing before
    /// it fails with <see cref="ErrorCodes.WriteConflict"/> (P2034). Null waits five seconds, long enough
    /// for writers of one application to queue behind each other; the driver counts whole seconds
    /// (at least one).
    /// </summary>
    public TimeSpan? SqliteBusyTimeout { get; set; }

    /// <summary>
    /// The options of every <c>TransactionAsync</c> and <c>BatchAsync</c> of the client that a call's own
    /// <see cref="TransactionOptions"/> leave unset (as Prisma's <c>transactionOptions</c>); null for the defaults.
    /// </summary>
    public TransactionOptions? Transactions { get; set; }

    /// <summary>A copy with <see cref="BaseDirectory"/> set (every other option as it is).</summary>
    internal StrataOptions WithBaseDirectory(string baseDirectory)
    {
        if (BaseDirectory == baseDirectory) return this;
        var copy = (StrataOptions)MemberwiseClone();
        copy.BaseDirectory = baseDirectory;
        return copy;
    }
}
