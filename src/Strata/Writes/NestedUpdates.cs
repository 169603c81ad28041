using Strata.Writes;

namespace Strata;

/// <summary>
/// Nested writes of a required to-one relation, from the side that holds its foreign key, in an
/// update: the record must keep a related record, so there is no disconnect or delete. Set one member.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public class NestedOneUpdate<TCreate, TUpdate, TUnique> : NestedWrite
    where TCreate : WriteInput where TUpdate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>Creates a related record and links it instead of the current one.</summary>
    public TCreate? Create { get; set; }

    /// <summary>Links an existing record instead of the current one (P2025 when it does not exist).</summary>
    public Func<TUnique, UniqueFilter>? Connect { get; set; }

    /// <summary>Links the record the criterion finds, or else one created from its data.</summary>
    public ConnectOrCreate<TCreate, TUnique>? ConnectOrCreate { get; set; }

    /// <summary>Updates the related record (P2025 when there is none).</summary>
    public TUpdate? Update { get; set; }

    /// <summary>Updates the related record, or creates and links one when there is none.</summary>
    public UpsertOne<TCreate, TUpdate>? Upsert { get; set; }

    private protected override void Describe(NestedOperations operations)
    {
        operations.AddLink(Create, Connect, ConnectOrCreate);
        if (Update != null) operations.Update.Add((null, Update));
        if (Upsert != null) operations.Upsert.Add((null, Upsert.Create, Upsert.Update));
    }
}

/// <summary>
/// Nested writes of a to-one relation in an update where the record may lose its related record
/// (an optional relation, or the side without the foreign key): also <see cref="Disconnect"/> and <see cref="Delete"/>.
/// Set one member.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class NestedOptionalOneUpdate<TCreate, TUpdate, TUnique> : NestedOneUpdate<TCreate, TUpdate, TUnique>
    where TCreate : WriteInput where TUpdate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>Unlinks the related record (P2014 when the related record's foreign key is required).</summary>
    public bool Disconnect { get; set; }

    /// <summary>Deletes the related record (P2025 when there is none).</summary>
    public bool Delete { get; set; }

    private protected override void Describe(NestedOperations operations)
    {
        base.Describe(operations);
        operations.DisconnectOne = Disconnect;
        operations.DeleteOne = Delete;
    }
}

/// <summary>
/// Nested writes of a many-to-many relation in an update. They run in this order: disconnect, set,
/// delete, deleteMany, update, updateMany, upsert, create, connect, connectOrCreate; criteria
/// of disconnect, delete, update and upsert, and the filters of updateMany and deleteMany, apply to
/// the records related to this one only.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
/// <typeparam name="TWhere">The related model's filter proxy.</typeparam>
public class NestedManyUpdate<TCreate, TUpdate, TUnique, TWhere> : NestedWrite
    where TCreate : WriteInput where TUpdate : WriteInput where TUnique : IProxy<TUnique> where TWhere : IProxy<TWhere>
{
    /// <summary>Related records to create and link.</summary>
    public List<TCreate> Create { get; set; } = [];

    /// <summary>Existing records to link, each by a unique criterion (P2025 when one does not exist).</summary>
    public List<Func<TUnique, UniqueFilter>> Connect { get; set; } = [];

    /// <summary>Records to link, each found by its criterion or else created from its data.</summary>
    public List<ConnectOrCreate<TCreate, TUnique>> ConnectOrCreate { get; set; } = [];

    /// <summary>Replaces the related records with these (an empty list unlinks them all); null leaves them.</summary>
    public List<Func<TUnique, UniqueFilter>>? Set { get; set; }

    /// <summary>Related records to unlink (one that is not related is ignored).</summary>
    public List<Func<TUnique, UniqueFilter>> Disconnect { get; set; } = [];

    /// <summary>Related records to delete (P2025 when one is not related).</summary>
    public List<Func<TUnique, UniqueFilter>> Delete { get; set; } = [];

    /// <summary>Related records to update, each by a unique criterion (P2025 when one is not related).</summary>
    public List<UpdateWhere<TUpdate, TUnique>> Update { get; set; } = [];

    /// <summary>Updates every related record that a filter matches.</summary>
    public List<UpdateManyWhere<TUpdate, TWhere>> UpdateMany { get; set; } = [];

    /// <summary>Updates the related record a criterion finds, or creates and links a new one.</summary>
    public List<UpsertWhere<TCreate, TUpdate, TUnique>> Upsert { get; set; } = [];

    /// <summary>Deletes every related record that a filter matches (<c>_ =&gt; Filter.True</c>: all of them).</summary>
    public List<Func<TWhere, Filter>> DeleteMany { get; set; } = [];

    private protected override void Describe(NestedOperations operations)
    {
        operations.AddLinks(Create, Connect, ConnectOrCreate);
        operations.Set = Set?.Select(Nested.Unique).ToList();
        operations.Disconnect.AddRange(Disconnect.Select(Nested.Unique));
        operations.Delete.AddRange(Delete.Select(Nested.Unique));
        operations.Update.AddRange(Update.Select(u => ((UniqueFilter?)Nested.Unique(u.Where), (WriteInput)u.Data)));
        operations.UpdateMany.AddRange(UpdateMany.Select(u => (Nested.Where(u.Where), (WriteInput)u.Data)));
        operations.Upsert.AddRange(Upsert.Select(u => ((UniqueFilter?)Nested.Unique(u.Where), (WriteInput)u.Create, (WriteInput)u.Update)));
        operations.DeleteMany.AddRange(DeleteMany.Select(Nested.Where));
    }
}

/// <summary>
/// Nested writes of the list side of a one-to-many relation in an update: like
/// <see cref="NestedManyUpdate{TCreate, TUpdate, TUnique, TWhere}"/>, and <see cref="CreateMany"/>
/// (after create). Disconnect and set unlink by setting the related records' foreign key to null:
/// P2014 when it is required.
/// </summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
/// <typeparam name="TWhere">The related model's filter proxy.</typeparam>
public sealed class NestedOneToManyUpdate<TCreate, TUpdate, TUnique, TWhere> : NestedManyUpdate<TCreate, TUpdate, TUnique, TWhere>
    where TCreate : WriteInput where TUpdate : WriteInput where TUnique : IProxy<TUnique> where TWhere : IProxy<TWhere>
{
    /// <summary>Related records written with multi-row INSERTs (they take no nested writes of their own).</summary>
    public CreateManyData<TCreate>? CreateMany { get; set; }

    private protected override void Describe(NestedOperations operations)
    {
        base.Describe(operations);
        if (CreateMany != null) operations.CreateMany.Add((CreateMany.Data.Cast<WriteInput>().ToList(), CreateMany.SkipDuplicates));
    }
}

/// <summary>A to-one relation's upsert: update the related record, or create and link one when there is none.</summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
public sealed class UpsertOne<TCreate, TUpdate> where TCreate : WriteInput where TUpdate : WriteInput
{
    /// <summary>The record to create when there is none.</summary>
    public required TCreate Create { get; init; }

    /// <summary>The changes when there is one.</summary>
    public required TUpdate Update { get; init; }
}

/// <summary>A list relation's upsert: update the related record <see cref="Where"/> finds, or create and link one.</summary>
/// <typeparam name="TCreate">The related model's create input.</typeparam>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class UpsertWhere<TCreate, TUpdate, TUnique> where TCreate : WriteInput where TUpdate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>The unique criterion, among the related records.</summary>
    public required Func<TUnique, UniqueFilter> Where { get; init; }

    /// <summary>The record to create when none matches.</summary>
    public required TCreate Create { get; init; }

    /// <summary>The changes when one matches.</summary>
    public required TUpdate Update { get; init; }
}

/// <summary>The update of one related record, by a unique criterion among the related records.</summary>
/// <typeparam name="TUpdate">The related model's update input.</typeparam>
/// <typeparam name="TUnique">The related model's unique proxy.</typeparam>
public sealed class UpdateWhere<TUpdate, TUnique> where TUpdate : WriteInput where TUnique : IProxy<TUnique>
{
    /// <summary>The unique criterion.</summary>
    public required Func<TUnique, UniqueFilter> Where { get; init; }

    /// <summary>The changes.</summary>
    public required TUpdate Data { get; init; }
}

/// <summary>The update of every related record a filter matches.</summary>
/// <typeparam name="TUpdate">The related model's update input (without nested writes).</typeparam>
/// <typeparam name="TWhere">The related model's filter proxy.</typeparam>
public sealed class UpdateManyWhere<TUpdate, TWhere> where TUpdate : WriteInput where TWhere : IProxy<TWhere>
{
    /// <summary>The filter.</summary>
    public required Func<TWhere, Filter> Where { get; init; }

    /// <summary>The changes.</summary>
    public required TUpdate Data { get; init; }
}
