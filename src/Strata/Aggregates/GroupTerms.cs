using Strata.Aggregates;
using Strata.Filters;
using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>
/// The aggregates and key fields of groups, for <c>Having</c> (<c>g =&gt; g.Sum(p =&gt; p.Views) &gt; 100</c>)
/// and <c>OrderBy</c> (<c>g =&gt; g.Count().Desc()</c>) of a <c>GroupBy</c>.
/// </summary>
/// <typeparam name="TFields">The model's fields proxy.</typeparam>
public sealed class GroupTerms<TFields> where TFields : IProxy<TFields>
{
    private readonly string _model;
    private readonly ColumnInfo[] _by;

    internal GroupTerms(string model, ColumnInfo[] by)
    {
        _model = model;
        _by = by;
    }

    /// <summary>The number of records in the group.</summary>
    public GroupOperand<long> Count() => new(new AggregateTerm(AggregateFunction.CountAll, null), null);

    /// <summary>The number of records of the group whose field is not null.</summary>
    public GroupOperand<long> Count(Func<TFields, FieldRef> field) => new(AggregateTerm.Check(AggregateFunction.Count, field(TFields.Instance).Column, _model), null);

    /// <summary>The number of distinct non-null values of the field in the group.</summary>
    public GroupOperand<long> CountDistinct(Func<TFields, FieldRef> field) => new(AggregateTerm.Check(AggregateFunction.CountDistinct, field(TFields.Instance).Column, _model), null);

    /// <summary>The sum of an Int field.</summary>
    public GroupOperand<long> Sum(Func<TFields, FieldRef<int?>> field) => Of<long>(AggregateFunction.Sum, field(TFields.Instance).Column);

    /// <summary>The sum of a BigInt field.</summary>
    public GroupOperand<long> Sum(Func<TFields, FieldRef<long?>> field) => Of<long>(AggregateFunction.Sum, field(TFields.Instance).Column);

    /// <summary>The sum of a Float field.</summary>
    public GroupOperand<double> Sum(Func<TFields, FieldRef<double?>> field) => Of<double>(AggregateFunction.Sum, field(TFields.Instance).Column);

    /// <summary>The sum of a Decimal field.</summary>
    public GroupOperand<decimal> Sum(Func<TFields, FieldRef<decimal?>> field) => Of<decimal>(AggregateFunction.Sum, field(TFields.Instance).Column);

    /// <summary>The average of an Int field.</summary>
    public GroupOperand<double> Avg(Func<TFields, FieldRef<int?>> field) => Of<double>(AggregateFunction.Avg, field(TFields.Instance).Column);

    /// <summary>The average of a BigInt field.</summary>
    public GroupOperand<double> Avg(Func<TFields, FieldRef<long?>> field) => Of<double>(AggregateFunction.Avg, field(TFields.Instance).Column);

    /// <summary>The average of a Float field.</summary>
    public GroupOperand<double> Avg(Func<TFields, FieldRef<double?>> field) => Of<double>(AggregateFunction.Avg, field(TFields.Instance).Column);

    /// <summary>The average of a Decimal field.</summary>
    public GroupOperand<decimal> Avg(Func<TFields, FieldRef<decimal?>> field) => Of<decimal>(AggregateFunction.Avg, field(TFields.Instance).Column);

    /// <summary>The smallest value of the field in the group.</summary>
    public GroupOperand<T> Min<T>(Func<TFields, FieldRef<T?>> field) where T : struct => Of<T>(AggregateFunction.Min, field(TFields.Instance).Column);

    /// <summary>The smallest text value of the field in the group.</summary>
    public GroupOperand<string> Min(Func<TFields, FieldRef<string?>> field) => Of<string>(AggregateFunction.Min, field(TFields.Instance).Column);

    /// <summary>The largest value of the field in the group.</summary>
    public GroupOperand<T> Max<T>(Func<TFields, FieldRef<T?>> field) where T : struct => Of<T>(AggregateFunction.Max, field(TFields.Instance).Column);

    /// <summary>The largest text value of the field in the group.</summary>
    public GroupOperand<string> Max(Func<TFields, FieldRef<string?>> field) => Of<string>(AggregateFunction.Max, field(TFields.Instance).Column);

    /// <summary>A field the groups are grouped by, to filter or order them by its value.</summary>
    public GroupOperand<T> Key<T>(Func<TFields, FieldRef<T>> field)
    {
        var column = field(TFields.Instance).Column;
        if (Array.IndexOf(_by, column) < 0)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{_model}.{column.FieldName} is not a field of the GroupBy: Having and OrderBy take its fields and aggregates.") { Model = _model };
        return new GroupOperand<T>(null, column);
    }

    private GroupOperand<T> Of<T>(AggregateFunction function, ColumnInfo column) => new(AggregateTerm.Check(function, column, _model), null);
}

/// <summary>An aggregate or a key field of groups: compare it with a value (a filter for <c>Having</c>), or order by it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct GroupOperand<T>
{
    internal GroupOperand(AggregateTerm? term, ColumnInfo? key)
    {
        Term = term;
        KeyColumn = key;
    }

    internal AggregateTerm? Term { get; }

    internal ColumnInfo? KeyColumn { get; }

    /// <summary>Ascending order.</summary>
    public GroupOrder Asc(Nulls nulls = Nulls.Default) => new(this.Term, KeyColumn, false, nulls);

    /// <summary>Descending order.</summary>
    public GroupOrder Desc(Nulls nulls = Nulls.Default) => new(this.Term, KeyColumn, true, nulls);

    /// <summary>An operand alone orders ascending.</summary>
    public static implicit operator GroupOrder(GroupOperand<T> operand) => operand.Asc();

    /// <summary>Equal to the value (null: IS NULL).</summary>
    public static Filter operator ==(GroupOperand<T> operand, T? value) => new HavingFilter(operand.Term, operand.KeyColumn, FilterOperator.Equals, value);

    /// <summary>Not equal to the value, or null, as <c>!=</c> is in C# and in Where (null: IS NOT NULL).</summary>
    public static Filter operator !=(GroupOperand<T> operand, T? value) => new HavingFilter(operand.Term, operand.KeyColumn, FilterOperator.NotEquals, value);

    /// <summary>Less than the value.</summary>
    public static Filter operator <(GroupOperand<T> operand, T value) => operand.Compare(FilterOperator.LessThan, value);

    /// <summary>At most the value.</summary>
    public static Filter operator <=(GroupOperand<T> operand, T value) => operand.Compare(FilterOperator.LessThanOrEqual, value);

    /// <summary>Greater than the value.</summary>
    public static Filter operator >(GroupOperand<T> operand, T value) => operand.Compare(FilterOperator.GreaterThan, value);

    /// <summary>At least the value.</summary>
    public static Filter operator >=(GroupOperand<T> operand, T value) => operand.Compare(FilterOperator.GreaterThanOrEqual, value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GroupOperand<T> other && other.Term == Term && other.KeyColumn == KeyColumn;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Term, KeyColumn);

    private Filter Compare(FilterOperator op, object? value) => value == null
        ? throw new StrataException(ErrorCodes.InvalidQuery, "A Having comparison with <, <=, > or >= needs a value; compare with == null or != null for nulls.")
        : new HavingFilter(Term, KeyColumn, op, value);
}

/// <summary>One key of the order of groups.</summary>
public readonly record struct GroupOrder
{
    internal GroupOrder(AggregateTerm? term, ColumnInfo? key, bool descending, Nulls nulls)
    {
        Term = term;
        Key = key;
        Descending = descending;
        Nulls = nulls;
    }

    internal AggregateTerm? Term { get; }

    internal ColumnInfo? Key { get; }

    internal bool Descending { get; }

    internal Nulls Nulls { get; }
}

/// <summary>A group's aggregate or key compared with a value, in HAVING.</summary>
internal sealed class HavingFilter(AggregateTerm? term, ColumnInfo? key, FilterOperator op, object? value) : Filter
{
    internal override void Write(SqlWriter writer, string alias)
    {
        if (value == null)
        {
            Operand(writer, alias);
            writer.Sql(op == FilterOperator.Equals ? " IS NULL" : " IS NOT NULL");
            return;
        }
        if (op == FilterOperator.NotEquals)
        {
            // As in Where: a null differs from every value.
            writer.Sql('(');
            Comparison(writer, alias);
            writer.Sql(" OR ");
            Operand(writer, alias);
            writer.Sql(" IS NULL)");
            return;
        }
        Comparison(writer, alias);
    }

    private void Operand(SqlWriter writer, string alias)
    {
        if (term is { } t) t.Write(writer, alias);
        else writer.Column(alias, key!);
    }

    private void Comparison(SqlWriter writer, string alias)
    {
        Operand(writer, alias);
        writer.Sql(op == FilterOperator.NotEquals ? " <> " : Providers.SqlDialect.SymbolOf(op));
        var column = term is { } a ? a.ResultColumn : key;
        if (column != null) writer.Parameter(column, value);
        else writer.Parameter(new QueryParameter(term!.Value.ResultKind, null, value));
    }
}
