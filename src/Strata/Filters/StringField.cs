using System.ComponentModel;
using Strata.Filters;
using Strata.Metadata;

namespace Strata;

/// <summary>
/// A text field in a filter: <c>==</c>, <c>!=</c> (with null for optional fields), <c>&lt;</c> and
/// friends (ordinal or the database's collation), <see cref="In"/>, <see cref="NotIn"/>,
/// <see cref="Contains"/>, <see cref="StartsWith"/>, <see cref="EndsWith"/>; the same without
/// regard to case through <see cref="Insensitive"/>.
/// </summary>
public readonly struct StringField
{
    /// <summary>Creates the proxy for <paramref name="column"/> (generated code does this).</summary>
    public StringField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>The same field compared without regard to case (Prisma's <c>mode: 'insensitive'</c>).</summary>
    public InsensitiveStringField Insensitive => new(Column);

    /// <summary>Rows whose text contains <paramref name="value"/>.</summary>
    public Filter Contains(string value) => FieldFilters.Compare(Column, FilterOperator.Contains, value);

    /// <summary>Rows whose text starts with <paramref name="value"/>.</summary>
    public Filter StartsWith(string value) => FieldFilters.Compare(Column, FilterOperator.StartsWith, value);

    /// <summary>Rows whose text ends with <paramref name="value"/>.</summary>
    public Filter EndsWith(string value) => FieldFilters.Compare(Column, FilterOperator.EndsWith, value);

    /// <summary>
    /// Rows whose text matches the full-text <paramref name="query"/> (Prisma's <c>search</c>) in
    /// PostgreSQL's <c>to_tsquery</c> syntax: words joined by <c>&amp;</c>, <c>|</c>, <c>!</c>,
    /// <c>&lt;-&gt;</c>, <c>:*</c> prefixes, parentheses. On PostgreSQL <c>to_tsvector(field) @@ to_tsquery(query)</c>,
    /// with <paramref name="configuration"/> naming the text search configuration (null: the database's
    /// default); on SQLite Strata's own matcher over the words of the text, without stemming (the
    /// configuration is not used). A query outside the syntax is error P2009.
    /// </summary>
    public Filter Search(string query, string? configuration = null) => Search(query, SearchSyntax.TsQuery, configuration);

    /// <summary>
    /// Rows whose text matches the full-text <paramref name="query"/> read in <paramref name="syntax"/>:
    /// <see cref="SearchSyntax.Web"/> reads it as a search box does (PostgreSQL's <c>websearch_to_tsquery</c>:
    /// <c>"quoted phrase" -excluded this or that</c>), and accepts any text.
    /// </summary>
    public Filter Search(string query, SearchSyntax syntax, string? configuration = null) =>
        new TextSearchFilter(TextSearch.Create([Column], query, configuration, syntax));

    /// <summary>Rows whose text is one of <paramref name="values"/>.</summary>
    public Filter In(params IEnumerable<string> values) => FieldFilters.In(Column, values.ToArray(), negate: false);

    /// <summary>Rows whose text is none of <paramref name="values"/>.</summary>
    public Filter NotIn(params IEnumerable<string> values) => FieldFilters.In(Column, values.ToArray(), negate: true);

#pragma warning disable CS1591
    public static Filter operator ==(StringField field, string? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value);
    public static Filter operator !=(StringField field, string? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value);
    public static Filter operator <(StringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.LessThan, value);
    public static Filter operator <=(StringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.LessThanOrEqual, value);
    public static Filter operator >(StringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThan, value);
    public static Filter operator >=(StringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThanOrEqual, value);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is StringField other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}

/// <summary>
/// A text field compared without regard to case: PostgreSQL folds case with <c>lower()</c> and
/// <c>ILIKE</c> (all of Unicode); SQLite folds the ASCII letters only (its built-in <c>lower()</c>
/// and <c>LIKE</c>).
/// </summary>
public readonly struct InsensitiveStringField
{
    /// <summary>Creates the proxy for <paramref name="column"/>.</summary>
    public InsensitiveStringField(ColumnInfo column) => Column = column;

    /// <summary>The column.</summary>
    public ColumnInfo Column { get; }

    /// <summary>Rows whose text contains <paramref name="value"/>, ignoring case.</summary>
    public Filter Contains(string value) => FieldFilters.Compare(Column, FilterOperator.Contains, value, insensitive: true);

    /// <summary>Rows whose text starts with <paramref name="value"/>, ignoring case.</summary>
    public Filter StartsWith(string value) => FieldFilters.Compare(Column, FilterOperator.StartsWith, value, insensitive: true);

    /// <summary>Rows whose text ends with <paramref name="value"/>, ignoring case.</summary>
    public Filter EndsWith(string value) => FieldFilters.Compare(Column, FilterOperator.EndsWith, value, insensitive: true);

    /// <summary>Rows whose text is one of <paramref name="values"/>, ignoring case.</summary>
    public Filter In(params IEnumerable<string> values) => FieldFilters.In(Column, values.ToArray(), negate: false, insensitive: true);

    /// <summary>Rows whose text is none of <paramref name="values"/>, ignoring case.</summary>
    public Filter NotIn(params IEnumerable<string> values) => FieldFilters.In(Column, values.ToArray(), negate: true, insensitive: true);

#pragma warning disable CS1591
    public static Filter operator ==(InsensitiveStringField field, string? value) => FieldFilters.Compare(field.Column, FilterOperator.Equals, value, insensitive: true);
    public static Filter operator !=(InsensitiveStringField field, string? value) => FieldFilters.Compare(field.Column, FilterOperator.NotEquals, value, insensitive: true);
    public static Filter operator <(InsensitiveStringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.LessThan, value, insensitive: true);
    public static Filter operator <=(InsensitiveStringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.LessThanOrEqual, value, insensitive: true);
    public static Filter operator >(InsensitiveStringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThan, value, insensitive: true);
    public static Filter operator >=(InsensitiveStringField field, string value) => FieldFilters.Compare(field.Column, FilterOperator.GreaterThanOrEqual, value, insensitive: true);
#pragma warning restore CS1591

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is InsensitiveStringField other && other.Column == Column;

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => Column.GetHashCode();
}
