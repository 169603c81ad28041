using System.Data.Common;
using Strata.Aggregates;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata;

/// <summary>
/// The aggregates of a query, in the selector of <c>AggregateAsync</c> (and of a group, in
/// <c>GroupBy(...).SelectAsync</c>): <c>a =&gt; new { a.Count(), Views = a.Sum(p =&gt; p.Views) }</c>.
/// The selector runs once to learn which aggregates to compute (each then gives a placeholder: one
/// for numbers, "" for text), then once per result row to build the result from them: it must call
/// the same aggregates in the same order every time (computing with their results is fine).
/// Results follow Prisma: a count is an <c>int</c>; the sum of integers is a <c>long</c>, of
/// doubles a <c>double</c>, of decimals a <c>decimal</c>; an average is a <c>double</c> (a
/// <c>decimal</c> for decimals); a minimum or maximum keeps the field's type; over no rows every
/// aggregate but the counts is null.
/// </summary>
/// <typeparam name="TFields">The model's fields proxy (<c>PostFields</c>).</typeparam>
public class Aggregates<TFields> where TFields : IProxy<TFields>
{
    private readonly string _model;
    private readonly List<AggregateTerm> _terms = [];
    private DbDataReader? _row;
    private RowReader? _values;
    private int _next;

    internal Aggregates(string model, int firstOrdinal)
    {
        _model = model;
        FirstOrdinal = firstOrdinal;
    }

    /// <summary>The ordinal of the first aggregate in a result row (a group's keys come before).</summary>
    private protected int FirstOrdinal { get; }

    internal IReadOnlyList<AggregateTerm> Terms => _terms;

    private protected bool Reading => _row != null;

    private protected DbDataReader Row => _row!;

    private protected RowReader Values => _values!;

    private protected string Model => _model;

    /// <summary>The number of records.</summary>
    public int Count() => Next<int>(new AggregateTerm(AggregateFunction.CountAll, null));

    /// <summary>The number of records whose field is not null.</summary>
    public int Count(Func<TFields, FieldRef> field) => Next<int>(AggregateTerm.Check(AggregateFunction.Count, Column(field), _model));

    /// <summary>The number of distinct non-null values of the field.</summary>
    public int CountDistinct(Func<TFields, FieldRef> field) => Next<int>(AggregateTerm.Check(AggregateFunction.CountDistinct, Column(field), _model));

    /// <summary>The sum of an Int field (null over no values).</summary>
    public long? Sum(Func<TFields, FieldRef<int?>> field) => Next<long?>(Term(AggregateFunction.Sum, field(TFields.Instance).Column));

    /// <summary>The sum of a BigInt field (null over no values).</summary>
    public long? Sum(Func<TFields, FieldRef<long?>> field) => Next<long?>(Term(AggregateFunction.Sum, field(TFields.Instance).Column));

    /// <summary>The sum of a Float field (null over no values).</summary>
    public double? Sum(Func<TFields, FieldRef<double?>> field) => Next<double?>(Term(AggregateFunction.Sum, field(TFields.Instance).Column));

    /// <summary>The sum of a Decimal field (null over no values).</summary>
    public decimal? Sum(Func<TFields, FieldRef<decimal?>> field) => Next<decimal?>(Term(AggregateFunction.Sum, field(TFields.Instance).Column));

    /// <summary>The average of an Int field (null over no values).</summary>
    public double? Avg(Func<TFields, FieldRef<int?>> field) => Next<double?>(Term(AggregateFunction.Avg, field(TFields.Instance).Column));

    /// <summary>The average of a BigInt field (null over no values).</summary>
    public double? Avg(Func<TFields, FieldRef<long?>> field) => Next<double?>(Term(AggregateFunction.Avg, field(TFields.Instance).Column));

    /// <summary>The average of a Float field (null over no values).</summary>
    public double? Avg(Func<TFields, FieldRef<double?>> field) => Next<double?>(Term(AggregateFunction.Avg, field(TFields.Instance).Column));

    /// <summary>The average of a Decimal field (null over no values).</summary>
    public decimal? Avg(Func<TFields, FieldRef<decimal?>> field) => Next<decimal?>(Term(AggregateFunction.Avg, field(TFields.Instance).Column));

    /// <summary>The smallest value of the field (numbers, text by the database's order, dates, enums, Booleans); null over no values.</summary>
    public T? Min<T>(Func<TFields, FieldRef<T?>> field) where T : struct => Next<T?>(Term(AggregateFunction.Min, field(TFields.Instance).Column));

    /// <summary>The smallest text value of the field; null over no values.</summary>
    public string? Min(Func<TFields, FieldRef<string?>> field) => Next<string?>(Term(AggregateFunction.Min, field(TFields.Instance).Column));

    /// <summary>The largest value of the field; null over no values.</summary>
    public T? Max<T>(Func<TFields, FieldRef<T?>> field) where T : struct => Next<T?>(Term(AggregateFunction.Max, field(TFields.Instance).Column));

    /// <summary>The largest text value of the field; null over no values.</summary>
    public string? Max(Func<TFields, FieldRef<string?>> field) => Next<string?>(Term(AggregateFunction.Max, field(TFields.Instance).Column));

    /// <summary>Starts building a result from the current row.</summary>
    internal void BeginRow(DbDataReader row, RowReader values)
    {
        _row = row;
        _values = values;
        _next = 0;
    }

    /// <summary>Checks that the selector read every aggregate it asked for.</summary>
    internal void EndRow()
    {
        if (_next != _terms.Count) throw Changed();
    }

    private AggregateTerm Term(AggregateFunction function, ColumnInfo column) => AggregateTerm.Check(function, column, _model);

    private T Next<T>(AggregateTerm term)
    {
        if (!Reading)
        {
            _terms.Add(term);
            return Placeholder<T>();
        }
        if (_next >= _terms.Count || _terms[_next] != term) throw Changed();
        return RawValues.Read<T>(Row, FirstOrdinal + _next++, Values);
    }

    /// <summary>
    /// What an aggregate or key gives while the selector runs first, before the query: a value, not
    /// null, so that selectors may use <c>.Value</c>, arithmetic or string methods on their results
    /// (one for numbers, so that a division by a count does not fail).
    /// </summary>
    private protected static T Placeholder<T>()
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object? value = type == typeof(int) ? 1 : type == typeof(long) ? 1L : type == typeof(double) ? 1d : type == typeof(decimal) ? 1m
            : type == typeof(float) ? 1f : type == typeof(short) ? (short)1 : type == typeof(string) ? "" : type == typeof(DateTime) ? DateTime.UnixEpoch
            : type == typeof(bool) ? false : type == typeof(Guid) ? Guid.Empty : type.IsEnum ? Enum.ToObject(type, 0) : null;
        return value == null ? default! : (T)value;
    }

    private static ColumnInfo Column(Func<TFields, FieldRef> field) => field(TFields.Instance).Column;

    private static InvalidOperationException Changed() => new(
        "The aggregate selector called other aggregates when it built a result than when it ran first: it must call the same ones, in the same order, every time.");
}

/// <summary>A group of <c>GroupBy</c>: its key fields' values, and the aggregates of its records.</summary>
/// <typeparam name="TFields">The model's fields proxy.</typeparam>
public sealed class Group<TFields> : Aggregates<TFields> where TFields : IProxy<TFields>
{
    private readonly ColumnInfo[] _by;

    internal Group(string model, ColumnInfo[] by) : base(model, by.Length) => _by = by;

    /// <summary>The group's value of a field it is grouped by (null for the group of records where an optional field is null).</summary>
    public T Key<T>(Func<TFields, FieldRef<T>> field)
    {
        var column = field(TFields.Instance).Column;
        int ordinal = Array.IndexOf(_by, column);
        if (ordinal < 0)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{Model}.{column.FieldName} is not a field of the GroupBy, so a group has no single value of it.") { Model = Model };
        return Reading ? RawValues.Read<T>(Row, ordinal, Values) : Placeholder<T>();
    }
}
