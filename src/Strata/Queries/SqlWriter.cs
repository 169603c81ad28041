using System.Globalization;
using System.Text;
using Strata.Metadata;
using Strata.Providers;

namespace Strata.Queries;

/// <summary>
/// Writes a statement as a list of pieces (text, identifiers, numbers, placeholders) and binds its
/// parameter values. The SQL text is rendered from the pieces alone, and the pieces are the key
/// of the SQL cache, so whatever decides the text is in the key by the same call that writes it:
/// there is no separate record of the shape for a branch to forget. Statement writers and
/// dialects write only through these methods.
/// </summary>
public sealed class SqlWriter
{
    // A statement is written and looked up on one thread without an await in between, so each
    // thread keeps one spare writer (with its piece buffer and parameter list): a cache hit then
    // allocates no writer and no buffer.
    [ThreadStatic] private static SqlWriter? t_spare;

    private SqlPiece[] _pieces;
    private int _count;
    private int _aliases;

    internal SqlWriter(SqlDialect dialect, int capacity = 64)
    {
        Dialect = dialect;
        _pieces = new SqlPiece[capacity];
    }

    /// <summary>The thread's spare writer, or a new one; give it back with <see cref="Release"/>.</summary>
    internal static SqlWriter Rent(SqlDialect dialect)
    {
        var writer = t_spare;
        if (writer == null) return new SqlWriter(dialect);
        t_spare = null;
        writer.Dialect = dialect;
        return writer;
    }

    /// <summary>The dialect the statement is written for.</summary>
    public SqlDialect Dialect { get; private set; }

    /// <summary>How many values are bound so far (the next one's index).</summary>
    public int ParameterCount => _parameterCount;

    // An array of our own rather than a List<QueryParameter>: the list's code for this struct would be
    // JIT-compiled at the first query, where Strata's own code is compiled ahead of time.
    private QueryParameter[] _parameters = new QueryParameter[8];
    private int _parameterCount;

    internal ReadOnlySpan<SqlPiece> Pieces => _pieces.AsSpan(0, _count);

    /// <summary>The values bound, in placeholder order, as a new array.</summary>
    internal QueryParameter[] BoundParameters()
    {
        if (_parameterCount == 0) return [];
        var bound = new QueryParameter[_parameterCount];
        Array.Copy(_parameters, bound, _parameterCount);
        return bound;
    }

    /// <summary>The SQL text of everything written so far.</summary>
    public override string ToString() => Render(Dialect, Pieces);

    /// <summary>Appends SQL text.</summary>
    public SqlWriter Sql(string text) => Add(new SqlPiece(SqlPieceKind.Text, text, 0));

    /// <summary>Appends a character of SQL text.</summary>
    public SqlWriter Sql(char text) => Add(new SqlPiece(SqlPieceKind.Char, null, text));

    /// <summary>Appends an integer, in invariant digits.</summary>
    public SqlWriter Number(int value) => Add(new SqlPiece(SqlPieceKind.Number, null, value));

    /// <summary>Appends an identifier, quoted by the dialect.</summary>
    public SqlWriter Identifier(string name) => Add(new SqlPiece(SqlPieceKind.Identifier, name, 0));

    /// <summary>Appends a table name, schema-qualified where the model names a schema.</summary>
    public SqlWriter Table(string? schema, string name)
    {
        if (schema != null) Identifier(schema).Sql('.');
        return Identifier(name);
    }

    /// <summary>Appends <c>alias."column"</c>, or just the column when <paramref name="alias"/> is null.</summary>
    public SqlWriter Column(string? alias, ColumnInfo column)
    {
        if (alias != null) Sql(alias).Sql('.');
        return Identifier(column.ColumnName);
    }

    /// <summary>Binds a value and appends its placeholder; the dialect may add a cast.</summary>
    public SqlWriter Parameter(QueryParameter parameter)
    {
        if (_parameterCount == _parameters.Length)
        {
            var larger = new QueryParameter[_parameters.Length * 2];
            Array.Copy(_parameters, larger, _parameterCount);
            _parameters = larger;
        }
        _parameters[_parameterCount++] = parameter;
        Dialect.WriteParameter(this, _parameterCount - 1, parameter);
        return this;
    }

    /// <summary>Binds a value compared with or written to <paramref name="column"/>.</summary>
    public SqlWriter Parameter(ColumnInfo column, object? value) => Parameter(ParameterFor(column, value));

    /// <summary>The parameter <see cref="Parameter(ColumnInfo, object?)"/> binds for a column's value.</summary>
    internal static QueryParameter ParameterFor(ColumnInfo column, object? value) => new(column.Kind, column, value);

    /// <summary>Binds a 32-bit integer that is not a column's value (limits, offsets).</summary>
    public SqlWriter Parameter(int value) => Parameter(new QueryParameter(ScalarKind.Int, null, value is >= 0 and < 256 ? SmallInts[value] : value));

    /// <summary>Appends the placeholder of parameter <paramref name="index"/> (for dialects, from <see cref="SqlDialect.WriteParameter"/>).</summary>
    public SqlWriter Placeholder(int index) => Add(new SqlPiece(SqlPieceKind.Placeholder, null, index));

    /// <summary>A fresh table alias (<c>t0</c>, <c>t1</c>, ...), numbered in writing order.</summary>
    public string NextAlias()
    {
        int n = _aliases++;
        return n < Aliases.Length ? Aliases[n] : "t" + n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Puts <paramref name="head"/>'s pieces before everything written so far (it must bind no parameters).</summary>
    internal void Prepend(SqlWriter head)
    {
        if (head._parameterCount > 0) throw new InvalidOperationException("A prepended head binds no parameters.");
        Reserve(head._count);
        Array.Copy(_pieces, 0, _pieces, head._count, _count);
        Array.Copy(head._pieces, 0, _pieces, 0, head._count);
        _count += head._count;
    }

    /// <summary>Keeps the writer as the thread's spare for the next statement (unless it grew large); the caller does not use it after.</summary>
    internal void Release()
    {
        _count = 0;
        _aliases = 0;
        Array.Clear(_parameters, 0, _parameterCount); // the values are not kept alive by the spare writer
        _parameterCount = 0;
        if (_pieces.Length <= 1024 && _parameters.Length <= 1024) t_spare = this;
    }

    /// <summary>The SQL text of <paramref name="pieces"/>: a function of the pieces and the dialect only.</summary>
    internal static string Render(SqlDialect dialect, ReadOnlySpan<SqlPiece> pieces)
    {
        var sql = new StringBuilder(256);
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case SqlPieceKind.Text: sql.Append(piece.Text); break;
                case SqlPieceKind.Char: sql.Append((char)piece.Value); break;
                case SqlPieceKind.Identifier: dialect.QuoteIdentifier(sql, piece.Text!); break;
                case SqlPieceKind.Number: sql.Append(piece.Value.ToString(CultureInfo.InvariantCulture)); break;
                default: dialect.WritePlaceholder(sql, piece.Value); break;
            }
        }
        return sql.ToString();
    }

    // Limits and offsets are mostly small: boxed once, not per statement.
    private static readonly object[] SmallInts = Boxes(256);

    private static readonly string[] Aliases = AliasNames(32);

    // Loops, not LINQ: these run at the first query, where LINQ's generic code would be JIT-compiled.
    private static object[] Boxes(int count)
    {
        var boxes = new object[count];
        for (int i = 0; i < count; i++) boxes[i] = i;
        return boxes;
    }

    private static string[] AliasNames(int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = "t" + i.ToString(CultureInfo.InvariantCulture);
        return names;
    }

    private SqlWriter Add(SqlPiece piece)
    {
        if (_count == _pieces.Length) Reserve(1);
        _pieces[_count++] = piece;
        return this;
    }

    private void Reserve(int more)
    {
        if (_count + more <= _pieces.Length) return;
        Array.Resize(ref _pieces, Math.Max(_pieces.Length * 2, _count + more));
    }
}
