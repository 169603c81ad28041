using Strata.Metadata;

namespace Strata;

/// <summary>A list relation in a filter: rows by what their related records hold.</summary>
/// <typeparam name="TWhere">The related model's generated filter proxy.</typeparam>
public readonly struct ListRelationField<TWhere> where TWhere : IProxy<TWhere>
{
    private readonly ModelInfo _owner;
    private readonly RelationInfo _relation;

    /// <summary>Creates the proxy (generated code does this).</summary>
    public ListRelationField(ModelInfo owner, RelationInfo relation)
    {
        _owner = owner;
        _relation = relation;
    }

    /// <summary>Rows with at least one related record that matches (any at all without a filter).</summary>
    public Filter Some(Func<TWhere, Filter>? where = null) => Build(RelationTest.Some, where);

    /// <summary>Rows whose related records all match (also rows with none).</summary>
    public Filter Every(Func<TWhere, Filter> where) => Build(RelationTest.Every, where);

    /// <summary>Rows with no related record that matches (no related records at all without a filter).</summary>
    public Filter None(Func<TWhere, Filter>? where = null) => Build(RelationTest.None, where);

    private Filter Build(RelationTest test, Func<TWhere, Filter>? where) =>
        new RelationFilter(_relation, test, where?.Invoke(TWhere.Instance) ?? Filter.True) { Owner = _owner };
}

/// <summary>A to-one relation in a filter: rows by their related record, or by whether there is one.</summary>
/// <typeparam name="TWhere">The related model's generated filter proxy.</typeparam>
public readonly struct RelationField<TWhere> where TWhere : IProxy<TWhere>
{
    private readonly ModelInfo _owner;
    private readonly RelationInfo _relation;

    /// <summary>Creates the proxy (generated code does this).</summary>
    public RelationField(ModelInfo owner, RelationInfo relation)
    {
        _owner = owner;
        _relation = relation;
    }

    /// <summary>Rows whose related record exists and matches.</summary>
    public Filter Is(Func<TWhere, Filter> where) => new RelationFilter(_relation, RelationTest.Some, where(TWhere.Instance)) { Owner = _owner };

    /// <summary>Rows whose related record is missing or does not match.</summary>
    public Filter IsNot(Func<TWhere, Filter> where) => new RelationFilter(_relation, RelationTest.None, where(TWhere.Instance)) { Owner = _owner };

    /// <summary>Rows that have a related record.</summary>
    public Filter Exists() => new RelationFilter(_relation, RelationTest.Some, Filter.True) { Owner = _owner };
}

/// <summary>Implemented by generated proxies (<c>UserWhere</c>, <c>UserFields</c>, <c>UserUnique</c>, <c>UserInclude</c>): one shared, stateless instance.</summary>
/// <typeparam name="TSelf">The proxy type.</typeparam>
public interface IProxy<TSelf> where TSelf : IProxy<TSelf>
{
    /// <summary>The shared instance handed to lambdas.</summary>
    static abstract TSelf Instance { get; }
}
