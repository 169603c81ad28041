namespace Strata.Writes;

/// <summary>The untyped view of a relation's nested writes that the runtime reads.</summary>
internal interface INestedWrite
{
    /// <summary>The operations, their criteria evaluated against the related model's proxies.</summary>
    NestedOperations Describe();
}

/// <summary>
/// What one relation field of a create or update input asks for, with every lambda already turned
/// into a criterion or filter. A to-one relation uses the lists for at most one item each.
/// </summary>
internal sealed class NestedOperations
{
    public List<WriteInput> Create { get; } = [];

    public List<(List<WriteInput> Data, bool SkipDuplicates)> CreateMany { get; } = [];

    public List<UniqueFilter> Connect { get; } = [];

    public List<(UniqueFilter Where, WriteInput Create)> ConnectOrCreate { get; } = [];

    /// <summary>The records a list relation is set to (null: no set).</summary>
    public List<UniqueFilter>? Set { get; set; }

    public List<UniqueFilter> Disconnect { get; } = [];

    /// <summary>A to-one relation's disconnect.</summary>
    public bool DisconnectOne { get; set; }

    public List<UniqueFilter> Delete { get; } = [];

    /// <summary>A to-one relation's delete.</summary>
    public bool DeleteOne { get; set; }

    /// <summary>Updates: of a related record by criterion (lists), or of the one related record (to-one: no criterion).</summary>
    public List<(UniqueFilter? Where, WriteInput Data)> Update { get; } = [];

    public List<(Filter Where, WriteInput Data)> UpdateMany { get; } = [];

    public List<(UniqueFilter? Where, WriteInput Create, WriteInput Update)> Upsert { get; } = [];

    public List<Filter> DeleteMany { get; } = [];

    /// <summary>Adds a list relation's creates, connects and connect-or-creates.</summary>
    public void AddLinks<TCreate, TUnique>(List<TCreate> create, List<Func<TUnique, UniqueFilter>> connect, List<ConnectOrCreate<TCreate, TUnique>> connectOrCreate)
        where TCreate : WriteInput where TUnique : IProxy<TUnique>
    {
        Create.AddRange(create);
        Connect.AddRange(connect.Select(Nested.Unique));
        ConnectOrCreate.AddRange(connectOrCreate.Select(c => c.Describe()));
    }

    /// <summary>Adds a to-one relation's create, connect or connect-or-create, those that are set.</summary>
    public void AddLink<TCreate, TUnique>(TCreate? create, Func<TUnique, UniqueFilter>? connect, ConnectOrCreate<TCreate, TUnique>? connectOrCreate)
        where TCreate : WriteInput where TUnique : IProxy<TUnique>
    {
        if (create != null) Create.Add(create);
        if (connect != null) Connect.Add(Nested.Unique(connect));
        if (connectOrCreate != null) ConnectOrCreate.Add(connectOrCreate.Describe());
    }

    /// <summary>How many operations a to-one relation was given (it takes one).</summary>
    public int Count => Create.Count + CreateMany.Count + Connect.Count + ConnectOrCreate.Count + (Set == null ? 0 : 1) + Disconnect.Count
        + (DisconnectOne ? 1 : 0) + Delete.Count + (DeleteOne ? 1 : 0) + Update.Count + UpdateMany.Count + Upsert.Count + DeleteMany.Count;
}

/// <summary>Evaluates nested writes' lambdas with the generated proxies.</summary>
internal static class Nested
{
    public static UniqueFilter Unique<TUnique>(Func<TUnique, UniqueFilter> where) where TUnique : IProxy<TUnique> =>
        where(TUnique.Instance) ?? throw new ArgumentNullException(nameof(where));

    public static Filter Where<TWhere>(Func<TWhere, Filter> where) where TWhere : IProxy<TWhere> =>
        where(TWhere.Instance) ?? throw new ArgumentNullException(nameof(where));
}
