namespace Strata.Metadata;

/// <summary>
/// A relation field of a model. <see cref="LocalColumns"/> and <see cref="TargetColumns"/> pair
/// up the columns that join the two tables: on the side that holds the foreign key, the local
/// columns are the foreign key; on the other side, they are the referenced key. Implicit
/// many-to-many relations join through <see cref="JoinTable"/> instead.
/// </summary>
public sealed class RelationInfo
{
    private readonly Func<ModelInfo> _target;

    /// <summary>Describes a relation field; <paramref name="target"/> is resolved lazily because models refer to each other.</summary>
    public RelationInfo(int index, string fieldName, Func<ModelInfo> target, bool isList, bool holdsForeignKey, int[] localColumns, int[] targetColumns, bool isOptional)
    {
        Index = index;
        FieldName = fieldName;
        _target = target;
        IsList = isList;
        HoldsForeignKey = holdsForeignKey;
        LocalColumns = localColumns;
        TargetColumns = targetColumns;
        IsOptional = isOptional;
    }

    /// <summary>Position among the model's relations.</summary>
    public int Index { get; }

    /// <summary>The field's name in the schema.</summary>
    public string FieldName { get; }

    /// <summary>The model the relation field belongs to (set when the model's relations are).</summary>
    public ModelInfo Owner { get; internal set; } = null!;

    /// <summary>The model on the other side.</summary>
    public ModelInfo Target => _target();

    /// <summary>True for list relations (the "many" side, and both sides of many-to-many).</summary>
    public bool IsList { get; }

    /// <summary>True when this model's table holds the foreign key.</summary>
    public bool HoldsForeignKey { get; }

    /// <summary>True for an optional to-one relation.</summary>
    public bool IsOptional { get; }

    /// <summary>This model's joining columns, by index (for many-to-many: this model's id columns).</summary>
    public int[] LocalColumns { get; }

    /// <summary>The target model's joining columns, by index (for many-to-many: the target's id columns).</summary>
    public int[] TargetColumns { get; }

    /// <summary>The foreign key constraint's name, on the side that holds it (to explain violations).</summary>
    public string? ForeignKeyName { get; init; }

    /// <summary>
    /// The relation's <c>onDelete</c> (as given, else Prisma's default: SetNull for an optional
    /// foreign key, Restrict for a required one), on both sides; NoAction for many-to-many.
    /// </summary>
    public ReferentialAction OnDelete { get; init; }

    /// <summary>The relation's <c>onUpdate</c> (as given, else Cascade), on both sides; NoAction for many-to-many.</summary>
    public ReferentialAction OnUpdate { get; init; }

    /// <summary>For implicit many-to-many relations: the join table.</summary>
    public JoinTableInfo? JoinTable { get; init; }

    /// <inheritdoc />
    public override string ToString() => FieldName;
}

/// <summary>
/// The join table of an implicit many-to-many relation (<c>_CategoryToPost</c>): column
/// <see cref="LocalColumn"/> holds this model's id, <see cref="TargetColumn"/> the target's.
/// </summary>
/// <param name="Name">The table's name.</param>
/// <param name="Schema">The database schema, or null.</param>
/// <param name="LocalColumn">The column (<c>A</c> or <c>B</c>) that refers to this model.</param>
/// <param name="TargetColumn">The column that refers to the target model.</param>
/// <param name="LocalKind">How this model's id is stored.</param>
/// <param name="TargetKind">How the target's id is stored.</param>
public sealed record JoinTableInfo(string Name, string? Schema, string LocalColumn, string TargetColumn, ScalarKind LocalKind, ScalarKind TargetKind);
