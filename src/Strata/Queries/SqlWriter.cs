using System.Text;
using Strata.Metadata;
using Strata.Providers;

namespace Strata.Queries;

/// <summary>
/// Writes a statement in one of two passes over the same code. The shape pass records only
/// tokens (what decides the SQL text: statement kind, columns, operators, counts) and the
/// parameter values; the text pass, run only when the shape's SQL is not cached yet, writes the
/// SQL. So every piece of text a statement writer emits must be decided by tokens it recorded.
/// </summary>
public sealed class SqlWriter
{
    private readonly StringBuilder? _text;
    private readonly ShapeBuilder? _shape;
    private int _aliases;

    internal SqlWriter(SqlDialect dialect, bool writeText)
    {
        Dialect = dialect;
        if (writeText) _text = new StringBuilder(256);
        else _shape = new ShapeBuilder();
    }

    /// <summary>The dialect the statement is written for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>True in the text pass.</summary>
    public bool IsWritingText => _text != null;

    /// <summary>The values bound so far, in placeholder order.</summary>
    public List<QueryParameter> Parameters { get; } = new();

    internal ShapeBuilder Shape => _shape ?? throw new InvalidOperationException("The text pass records no shape.");

    /// <summary>The SQL written so far (text pass only).</summary>
    public override string ToString() => _text?.ToString() ?? string.Empty;

    /// <summary>Records a token that decides the text (shape pass only).</summary>
    public SqlWriter Token(int token)
    {
        _shape?.Add(token);
        return this;
    }

    /// <summary>Appends SQL text (text pass only).</summary>
    public SqlWriter Sql(string text)
    {
        _text?.Append(text);
        return this;
    }

    /// <summary>Appends a character of SQL text (text pass only).</summary>
    public SqlWriter Sql(char text)
    {
        _text?.Append(text);
        return this;
    }

    /// <summary>Appends a quoted identifier (text pass only).</summary>
    public SqlWriter Identifier(string name)
    {
        if (_text != null) Dialect.QuoteIdentifier(_text, name);
        return this;
    }

    /// <summary>Appends a table name, schema-qualified where the model names a schema.</summary>
    public SqlWriter Table(string? schema, string name)
    {
        if (_text == null) return this;
        if (schema != null)
        {
            Dialect.QuoteIdentifier(_text, schema);
            _text.Append('.');
        }
        Dialect.QuoteIdentifier(_text, name);
        return this;
    }

    /// <summary>Appends <c>alias."column"</c>, or just the column when <paramref name="alias"/> is null.</summary>
    public SqlWriter Column(string? alias, ColumnInfo column)
    {
        if (_text == null) return this;
        if (alias != null) _text.Append(alias).Append('.');
        Dialect.QuoteIdentifier(_text, column.ColumnName);
        return this;
    }

    /// <summary>Binds a value and appends its placeholder; the dialect may add a cast.</summary>
    public SqlWriter Parameter(QueryParameter parameter)
    {
        Parameters.Add(parameter);
        if (_text != null) Dialect.WritePlaceholder(_text, Parameters.Count - 1, parameter);
        return this;
    }

    /// <summary>Binds a value compared with or written to <paramref name="column"/>.</summary>
    public SqlWriter Parameter(ColumnInfo column, object? value) => Parameter(new QueryParameter(column.Kind, column, value));

    /// <summary>Binds a 32-bit integer that is not a column's value (limits, offsets).</summary>
    public SqlWriter Parameter(int value) => Parameter(new QueryParameter(ScalarKind.Int, null, value));

    /// <summary>Puts <paramref name="head"/>'s text before everything written so far (it must bind no parameters).</summary>
    internal void Prepend(SqlWriter head)
    {
        if (head.Parameters.Count > 0) throw new InvalidOperationException("A prepended head binds no parameters.");
        if (_text != null) _text.Insert(0, head._text!.ToString());
        else foreach (var token in head.Shape.Span) _shape!.Add(token);
    }

    /// <summary>A fresh table alias (<c>t0</c>, <c>t1</c>, ...); aliases are numbered in writing order, so both passes agree.</summary>
    public string NextAlias() => "t" + _aliases++.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
