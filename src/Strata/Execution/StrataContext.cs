using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Connections;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;
using Strata.Transactions;

namespace Strata.Execution;

/// <summary>
/// Where a client's statements run: the client's connection pool (a connection per operation) or,
/// inside a transaction or an operation of several statements, one connection (and its
/// transaction). Builds commands from cached SQL on kept commands, logs them, and turns driver
/// errors into <see cref="StrataException"/>s.
/// </summary>
public sealed class StrataContext
{
    private readonly ConnectionPool? _pool;

    internal StrataContext(SqlDialect dialect, ConnectionPool pool, ILogger logger, bool logParameters, TransactionOptions? transactionDefaults = null,
        TimeSpan? slowQueryThreshold = null, bool traceStatements = false)
    {
        Dialect = dialect;
        _pool = pool;
        Logger = logger;
        LogParameters = logParameters;
        TransactionDefaults = transactionDefaults;
        SlowQueryThreshold = slowQueryThreshold;
        TraceStatements = traceStatements;
    }

    private StrataContext(StrataContext parent, ConnectionLease lease, DbTransaction? transaction, OpenTransaction? open = null, int depth = 0)
    {
        Dialect = parent.Dialect;
        Logger = parent.Logger;
        LogParameters = parent.LogParameters;
        TransactionDefaults = parent.TransactionDefaults;
        SlowQueryThreshold = parent.SlowQueryThreshold;
        TraceStatements = parent.TraceStatements;
        Lease = lease;
        Transaction = transaction;
        Open = open;
        Depth = depth;
    }

    /// <summary>The dialect of the database.</summary>
    public SqlDialect Dialect { get; }

    internal ILogger Logger { get; }

    internal bool LogParameters { get; }

    /// <summary>The connection this context holds for a transaction or a whole operation, or null when each statement takes one.</summary>
    internal ConnectionLease? Lease { get; }

    internal DbTransaction? Transaction { get; }

    /// <summary>The application's transaction (a <c>TransactionAsync</c>) this context runs in, or null.</summary>
    internal OpenTransaction? Open { get; }

    /// <summary>How many savepoints deep this context's transaction is: 0 for the outermost.</summary>
    internal int Depth { get; }

    /// <summary>A statement that takes at least this long is logged as a warning (<see cref="StrataOptions.SlowQueryThreshold"/>).</summary>
    internal TimeSpan? SlowQueryThreshold { get; }

    /// <summary>Spans carry the statement text (<see cref="StrataOptions.TraceStatements"/>).</summary>
    internal bool TraceStatements { get; }

    /// <summary>The client's transaction options (<see cref="StrataOptions.Transactions"/>).</summary>
    internal TransactionOptions? TransactionDefaults { get; }

    /// <summary>A context whose statements run in <paramref name="open"/>, at savepoint <paramref name="depth"/>.</summary>
    internal StrataContext Within(OpenTransaction open, int depth) => new(this, open.Lease, open.Transaction, open, depth);

    /// <summary>True inside a transaction.</summary>
    public bool InTransaction => Transaction != null;

    internal async ValueTask<ConnectionLease> OpenAsync(CancellationToken cancellationToken)
    {
        if (Lease != null)
        {
            Open?.Enter(Depth);
            return Lease;
        }
        try
        {
            return await _pool!.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDriverFailure(e, cancellationToken))
        {
            throw Translate(e, null);
        }
    }

    internal ValueTask ReleaseAsync(ConnectionLease lease) =>
        ReferenceEquals(lease, Lease) ? Open?.LeaveAsync() ?? ValueTask.CompletedTask : _pool!.ReturnAsync(lease);

    /// <summary>Closes the client's own connections (the client's DisposeAsync).</summary>
    internal ValueTask CloseAsync() => _pool?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Runs <paramref name="body"/>, an operation of several statements (a find with includes), on one
    /// connection; inside a transaction or another such operation it joins that one.
    /// </summary>
    internal async Task<T> OnOneConnectionAsync<T>(Func<StrataContext, Task<T>> body, CancellationToken cancellationToken)
    {
        if (Lease != null) return await body(this).ConfigureAwait(false);
        var lease = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await body(new StrataContext(this, lease, null)).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// True for a failure of the driver or the database, which becomes a <see cref="StrataException"/>;
    /// false for cancellation the caller asked for, and for Strata's own exceptions.
    /// </summary>
    internal static bool IsDriverFailure(Exception error, CancellationToken cancellationToken) =>
        error is not StrataException
        && !(error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        && (error is DbException or TimeoutException or IOException or System.Net.Sockets.SocketException
            || (error is InvalidOperationException && error.Source is "Npgsql" or "Microsoft.Data.Sqlite"));

    /// <summary>
    /// Runs <paramref name="body"/>, an operation of several statements (a nested create, CreateMany), in
    /// a transaction on one connection: committed when it returns, rolled back when it throws. Inside a
    /// transaction it is part of that one (its failure fails the whole). The application's
    /// <c>TransactionAsync</c> runs through <see cref="Transactions.TransactionRunner"/> instead.
    /// </summary>
    internal async Task<T> InTransactionAsync<T>(Func<StrataContext, Task<T>> body, IsolationLevel? isolation, CancellationToken cancellationToken)
    {
        if (InTransaction) return await body(this).ConfigureAwait(false);
        var lease = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DbTransaction transaction;
            try
            {
                transaction = await lease.Connection.BeginTransactionAsync(isolation ?? IsolationLevel.Unspecified, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDriverFailure(e, cancellationToken))
            {
                throw Fail(lease, e, null);
            }
            await using var owned = transaction.ConfigureAwait(false);
            var inner = new StrataContext(this, lease, transaction);
            T result;
            try
            {
                result = await body(inner).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (!await RollbackAsync(transaction, e).ConfigureAwait(false)) lease.Failed = true;
                if (IsDriverFailure(e, cancellationToken)) throw Fail(lease, e, null);
                throw;
            }
            try
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsDriverFailure(e, cancellationToken))
            {
                throw Fail(lease, e, null);
            }
            return result;
        }
        finally
        {
            await ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    /// <summary>The SQL and parameters of a statement: written as pieces, its text found in the cache by them or rendered from them.</summary>
    internal Statement Build(Action<SqlWriter> write) => Build(static (w, write) => write(w), write);

    /// <summary>The same as <see cref="Build(Action{SqlWriter})"/> with the writer's input passed in, so a static lambda allocates no closure (the frequent statements).</summary>
    internal Statement Build<TInput>(Action<SqlWriter, TInput> write, TInput input)
    {
        var writer = SqlWriter.Rent(Dialect);
        write(writer, input);
        var sql = Dialect.Cache.GetOrAdd(Dialect, writer.Pieces);
        var parameters = writer.BoundParameters();
        writer.Release();
        return new Statement(sql, parameters);
    }

    /// <summary>
    /// The command of <paramref name="statement"/> on the lease's connection, its values bound: the
    /// connection's kept command for the same SQL when it has one (already compiled), else a new one,
    /// which the connection keeps when it keeps commands. Give it back with <see cref="ConnectionLease.ReleaseAsync"/>.
    /// </summary>
    internal DbCommand CreateCommand(ConnectionLease lease, Statement statement, ModelInfo? model = null)
    {
        var parameters = statement.Parameters;
        for (int i = 0; i < parameters.Length; i++) ValueGuard.Check(parameters[i], model?.Name);
        var command = statement.IsRaw ? null : lease.Find(statement.Sql);
        if (command != null)
        {
            command.Transaction = Transaction;
            var bound = command.Parameters;
            for (int i = 0; i < parameters.Length; i++) Dialect.BindParameter(bound[i], parameters[i]);
            return command;
        }
        command = lease.Connection.CreateCommand();
        command.CommandText = statement.IsUnsafe ? Dialect.UnsafeSql(statement.Sql) : statement.Sql;
        Dialect.PrepareNewCommand(command);
        command.Transaction = Transaction;
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = Dialect.CreateParameter(command, i, parameters[i]);
            if (statement.IsUnsafe) Dialect.NameUnsafeParameter(parameter, i);
            command.Parameters.Add(parameter);
        }
        // Raw SQL is not kept: its texts are the application's, without end, and would push out the statements of queries.
        if (!statement.IsRaw) lease.Keep(command);
        return command;
    }

    /// <summary>A driver failure of a statement on <paramref name="lease"/>, translated; the connection is not lent again.</summary>
    internal StrataException Fail(ConnectionLease lease, Exception error, ModelInfo? model)
    {
        lease.Failed = true;
        return Translate(error, model);
    }

    /// <summary>
    /// Rolls back after <paramref name="failure"/>. A rollback that fails too (the connection broke,
    /// which is often why the body failed) is logged and never hides the body's error.
    /// </summary>
    internal async Task<bool> RollbackAsync(DbTransaction transaction, Exception failure)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception rollback) when (IsDriverFailure(rollback, CancellationToken.None))
        {
            LogRollbackFailed(failure, rollback);
            return false;
        }
    }

    internal void LogRollbackFailed(Exception failure, Exception rollback)
    {
        if (Logger.IsEnabled(LogLevel.Warning)) Log.RollbackFailed(Logger, failure.Message, rollback);
    }

    /// <summary>A driver or database failure as a <see cref="StrataException"/>: a constraint or value error, a connection failure, or P2010 with the driver's error inside.</summary>
    internal StrataException Translate(Exception error, ModelInfo? model) =>
        (error is DbException db ? Dialect.Translate(db, model) : null)
        ?? Dialect.TranslateConnectionFailure(error)
        ?? new StrataException(ErrorCodes.DatabaseError, $"The database reported an error: {error.Message}", error) { Model = model?.Name };

    /// <summary>A command finished: its log line, its span and measurements, and a warning when it was slow. <paramref name="rows"/> is -1 when not counted.</summary>
    internal void LogExecuted(Statement statement, long started, ModelInfo? model = null, int rows = -1)
    {
        bool log = Logger.IsEnabled(LogLevel.Information), telemetry = StrataTelemetry.Active;
        if (!log && !telemetry && SlowQueryThreshold == null) return;
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (telemetry) StrataTelemetry.Command(Dialect.Name, statement.Sql, model, elapsed, rows, null, TraceStatements);
        if (elapsed >= SlowQueryThreshold && Logger.IsEnabled(LogLevel.Warning)) Log.Slow(Logger, elapsed.TotalMilliseconds, statement.Sql, null);
        if (!log) return;
        if (LogParameters) Log.ExecutedWithParameters(Logger, elapsed.TotalMilliseconds, statement.Sql, statement.DescribeParameters(), null);
        else Log.Executed(Logger, elapsed.TotalMilliseconds, statement.Sql, null);
    }

    internal void LogFailed(Statement statement, long started, Exception error, ModelInfo? model = null)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (StrataTelemetry.Active) StrataTelemetry.Command(Dialect.Name, statement.Sql, model, elapsed, -1, error, TraceStatements);
        if (!Logger.IsEnabled(LogLevel.Error)) return;
        Log.Failed(Logger, elapsed.TotalMilliseconds, statement.Sql, error);
    }

    internal static ILogger CreateLogger(ILoggerFactory? factory) =>
        factory?.CreateLogger("Strata.Database.Command") ?? NullLogger.Instance;

    private static class Log
    {
        public static readonly Action<ILogger, double, string, Exception?> Executed =
            LoggerMessage.Define<double, string>(LogLevel.Information, new EventId(1, "CommandExecuted"), "Executed in {ElapsedMilliseconds:0.###} ms: {Sql}");

        public static readonly Action<ILogger, double, string, string, Exception?> ExecutedWithParameters =
            LoggerMessage.Define<double, string, string>(LogLevel.Information, new EventId(1, "CommandExecuted"), "Executed in {ElapsedMilliseconds:0.###} ms: {Sql} [{Parameters}]");

        public static readonly Action<ILogger, string, Exception?> RollbackFailed =
            LoggerMessage.Define<string>(LogLevel.Warning, new EventId(3, "RollbackFailed"), "The rollback after a failure ({Failure}) failed too");

        public static readonly Action<ILogger, double, string, Exception?> Slow =
            LoggerMessage.Define<double, string>(LogLevel.Warning, new EventId(5, "SlowCommand"), "Slow command, {ElapsedMilliseconds:0.###} ms: {Sql}");

        public static readonly Action<ILogger, double, string, Exception?> Failed =
            LoggerMessage.Define<double, string>(LogLevel.Error, new EventId(2, "CommandFailed"), "Failed after {ElapsedMilliseconds:0.###} ms: {Sql}");
    }
}

/// <summary>A statement's SQL and its parameter values.</summary>
internal readonly record struct Statement(string Sql, QueryParameter[] Parameters)
{
    /// <summary>Raw SQL of the application (<see cref="RawSql"/> or unsafe text): run on a command of its own, not kept.</summary>
    public bool IsRaw { get; init; }

    /// <summary>Unsafe raw SQL, whose placeholders are <c>$1</c>, <c>$2</c>, ...: the dialect names the parameters for them.</summary>
    public bool IsUnsafe { get; init; }

    public string DescribeParameters() => string.Join(", ", Parameters.Select((p, i) =>
        $"p{i}={(p.Value is null ? "NULL" : p.Value is string s ? "'" + s + "'" : p.Value is System.Collections.IEnumerable e and not byte[] ? "[" + string.Join(", ", e.Cast<object?>()) + "]" : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))}"));
}
