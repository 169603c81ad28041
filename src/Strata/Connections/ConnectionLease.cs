using System.Data.Common;

namespace Strata.Connections;

/// <summary>
/// An open connection lent to one operation. A connection of the client's own pool keeps the
/// commands it has run, prepared, by SQL text: the next statement of the same shape on it binds new
/// values and runs without being compiled again. A connection of an application's data source keeps
/// none (it goes back to the application's pool after the operation).
/// </summary>
internal sealed class ConnectionLease
{
    // A connection runs few shapes again and again; those it has not run for a while give way.
    private const int MaxCommands = 128;
    private readonly Dictionary<string, LinkedListNode<Kept>>? _commands;
    private readonly LinkedList<Kept>? _recent;

    public ConnectionLease(DbConnection connection, bool keepsCommands)
    {
        Connection = connection;
        if (!keepsCommands) return;
        // By reference: the SQL of a statement shape is one string from the SQL cache, so a lookup does
        // not hash the text. A text seen as another string (the cache was full) only takes a new command.
        _commands = new Dictionary<string, LinkedListNode<Kept>>(ReferenceEqualityComparer.Instance);
        _recent = new LinkedList<Kept>();
    }

    public DbConnection Connection { get; }

    /// <summary>Set when a statement on the connection failed in the driver: the pool then closes it instead of lending it again.</summary>
    public bool Failed { get; set; }

    /// <summary>When the lease last went back to its pool (for closing connections idle too long).</summary>
    public long ReturnedAt { get; set; }

    /// <summary>
    /// The kept command for <paramref name="sql"/>, now in use until <see cref="ReleaseAsync"/>; null when
    /// there is none, or when it is in use already (a statement run while the same one streams).
    /// </summary>
    public DbCommand? Find(string sql)
    {
        if (_commands == null || !_commands.TryGetValue(sql, out var node) || node.Value.InUse) return null;
        if (node != _recent!.First)
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
        }
        node.Value.InUse = true;
        return node.Value.Command;
    }

    /// <summary>
    /// Keeps a new <paramref name="command"/> for its SQL when the lease keeps commands and has none for
    /// it yet (in use until <see cref="ReleaseAsync"/>); the command least recently run gives way when there are too many.
    /// </summary>
    public void Keep(DbCommand command)
    {
        if (_commands == null || _commands.ContainsKey(command.CommandText)) return;
        if (_commands.Count >= MaxCommands)
        {
            // The least recently found is at the end; one still in use stays (it is rare, and the next Keep tries again).
            var oldest = _recent!.Last!;
            if (!oldest.Value.InUse)
            {
                _recent.RemoveLast();
                _commands.Remove(oldest.Value.Command.CommandText);
                oldest.Value.Command.Dispose();
            }
        }
        _commands[command.CommandText] = _recent!.AddFirst(new Kept(command) { InUse = true });
    }

    /// <summary>Gives a command back after its statement ran: a kept one waits for the next statement, any other is disposed.</summary>
    public ValueTask ReleaseAsync(DbCommand command)
    {
        if (_commands != null && _commands.TryGetValue(command.CommandText, out var node) && ReferenceEquals(node.Value.Command, command))
        {
            node.Value.InUse = false;
            return ValueTask.CompletedTask;
        }
        return command.DisposeAsync();
    }

    /// <summary>Closes the connection and its kept commands.</summary>
    public async ValueTask CloseAsync()
    {
        if (_recent != null)
        {
            foreach (var kept in _recent) await kept.Command.DisposeAsync().ConfigureAwait(false);
            _recent.Clear();
            _commands!.Clear();
        }
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Kept(DbCommand command)
    {
        public DbCommand Command { get; } = command;

        public bool InUse { get; set; }
    }
}
