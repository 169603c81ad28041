namespace Strata;

/// <summary>
/// Nested writes of a list relation in a create: records to create and link, and existing
/// records to link: <c>Todos = new() { Create = [new TodoCreate { ... }], Connect = [t =&gt; t.Id == 4] }</c>.
/// They run in the same transaction as the create.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class NestedMany<TCreate, TUnique> : INestedWrite
{
    /// <summary>Related records to create, linked to the new record.</summary>
    public List<TCreate> Create { get; set; } = [];

    /// <summary>Existing related records to link to the new record, each by a unique criterion.</summary>
    public List<Func<TUnique, UniqueFilter>> Connect { get; set; } = [];

    IEnumerable<object> INestedWrite.Creates => Create.Cast<object>();

    IEnumerable<Func<object, UniqueFilter>> INestedWrite.Connects => Connect.Select(c => (Func<object, UniqueFilter>)(u => c((TUnique)u)));
}

/// <summary>
/// Nested write of a to-one relation in a create: create the related record, or link an existing
/// one: <c>Author = new() { Connect = u =&gt; u.Email == "a@b.c" }</c>. Set one of the two.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class NestedOne<TCreate, TUnique> : INestedWrite where TCreate : class
{
    /// <summary>A related record to create and link.</summary>
    public TCreate? Create { get; set; }

    /// <summary>An existing related record to link, by a unique criterion.</summary>
    public Func<TUnique, UniqueFilter>? Connect { get; set; }

    IEnumerable<object> INestedWrite.Creates => Create == null ? [] : [Create];

    IEnumerable<Func<object, UniqueFilter>> INestedWrite.Connects => Connect == null ? [] : [u => Connect((TUnique)u)];
}

/// <summary>The untyped view of nested writes that the runtime reads.</summary>
public interface INestedWrite
{
    /// <summary>The create inputs.</summary>
    IEnumerable<object> Creates { get; }

    /// <summary>The unique criteria of records to link, each given the related model's unique proxy.</summary>
    IEnumerable<Func<object, UniqueFilter>> Connects { get; }
}
