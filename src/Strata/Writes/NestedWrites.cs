using Strata.Writes;

namespace Strata;

/// <summary>
/// Nested writes of a many-to-many relation in a create: records to create and link, existing
/// records to link, and records to link that are created when missing:
/// <c>Categories = new() { Create = [new CategoryCreate { ... }], Connect = [c =&gt; c.Id == 4] }</c>.
/// They run in the same transaction as the create.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public class NestedMany<TCreate, TUnique> : NestedWrite
    where TCreate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>Related records to create, linked to the new record.</summary>
    public List<TCreate> Create { get; set; } = [];

    /// <summary>Existing related records to link to the new record, each by a unique criterion (P2025 when one does not exist).</summary>
    public List<Func<TUnique, UniqueFilter>> Connect { get; set; } = [];

    /// <summary>Related records to link, each found by its criterion or else created from its data.</summary>
    public List<ConnectOrCreate<TCreate, TUnique>> ConnectOrCreate { get; set; } = [];

    private protected override void Describe(NestedOperations operations) => operations.AddLinks(Create, Connect, ConnectOrCreate);
}

/// <summary>
/// Nested writes of the list side of a one-to-many relation in a create: like
/// <see cref="NestedMany{TCreate, TUnique}"/>, and <see cref="CreateMany"/> for records written in bulk.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class NestedOneToMany<TCreate, TUnique> : NestedMany<TCreate, TUnique>
    where TCreate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>Related records written with multi-row INSERTs (they take no nested writes of their own).</summary>
    public CreateManyData<TCreate>? CreateMany { get; set; }

    private protected override void Describe(NestedOperations operations)
    {
        base.Describe(operations);
        if (CreateMany != null) operations.CreateMany.Add((CreateMany.Data.Cast<WriteInput>().ToList(), CreateMany.SkipDuplicates));
    }
}

/// <summary>
/// Nested write of a to-one relation in a create: create the related record, link an existing one,
/// or link one that is created when missing: <c>Author = new() { Connect = u =&gt; u.Email == "a@b.c" }</c>.
/// Set one of the three.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class NestedOne<TCreate, TUnique> : NestedWrite
    where TCreate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>A related record to create and link.</summary>
    public TCreate? Create { get; set; }

    /// <summary>An existing related record to link, by a unique criterion (P2025 when it does not exist).</summary>
    public Func<TUnique, UniqueFilter>? Connect { get; set; }

    /// <summary>A related record to link, found by its criterion or else created from its data.</summary>
    public ConnectOrCreate<TCreate, TUnique>? ConnectOrCreate { get; set; }

    private protected override void Describe(NestedOperations operations) => operations.AddLink(Create, Connect, ConnectOrCreate);
}

/// <summary>The base of nested relation writes: what the runtime reads of them.</summary>
public abstract class NestedWrite : INestedWrite
{
    private protected NestedWrite() { }

    NestedOperations INestedWrite.Describe()
    {
        var operations = new NestedOperations();
        Describe(operations);
        return operations;
    }

    private protected abstract void Describe(NestedOperations operations);
}

/// <summary>A related record to link: the one <see cref="Where"/> finds, or else a new one made from <see cref="Create"/>.</summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class ConnectOrCreate<TCreate, TUnique> where TCreate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>The unique criterion of the record to link.</summary>
    public required Func<TUnique, UniqueFilter> Where { get; init; }

    /// <summary>The record to create when none matches.</summary>
    public required TCreate Create { get; init; }

    internal (UniqueFilter Where, WriteInput Create) Describe() => (Nested.Unique(Where), Create);
}

/// <summary>Records of a nested <c>CreateMany</c>: written in bulk, optionally skipping those that clash with a unique constraint.</summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
public sealed class CreateManyData<TCreate> where TCreate : WriteInput
{
    /// <summary>The records.</summary>
    public List<TCreate> Data { get; set; } = [];

    /// <summary>Skips records that would violate a unique constraint instead of failing.</summary>
    public bool SkipDuplicates { get; set; }
}
