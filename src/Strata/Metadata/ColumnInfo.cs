namespace Strata.Metadata;

/// <summary>
/// A column of a model as the generated code describes it: its names, how values are stored,
/// and what a create does when it is not set. Instances are created once per client type.
/// </summary>
public sealed class ColumnInfo
{
    /// <summary>Describes a column.</summary>
    public ColumnInfo(int index, string fieldName, string columnName, ScalarKind kind, bool isOptional, bool isList = false)
    {
        Index = index;
        FieldName = fieldName;
        ColumnName = columnName;
        Kind = kind;
        IsOptional = isOptional;
        IsList = isList;
    }

    /// <summary>Position among the model's columns, as the generated reader and inputs count them.</summary>
    public int Index { get; }

    /// <summary>The field's name in the schema.</summary>
    public string FieldName { get; }

    /// <summary>The column's name in the database (<c>@map</c>).</summary>
    public string ColumnName { get; }

    /// <summary>How values are stored.</summary>
    public ScalarKind Kind { get; }

    /// <summary>True when the column accepts null.</summary>
    public bool IsOptional { get; }

    /// <summary>True for scalar lists (PostgreSQL arrays).</summary>
    public bool IsList { get; }

    /// <summary>The default applied by creates that leave the column unset.</summary>
    public DefaultKind Default { get; init; }

    /// <summary>The literal default (for <see cref="DefaultKind.Literal"/>) or the nanoid length.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>True for <c>@updatedAt</c>: set to now by every create and update.</summary>
    public bool IsUpdatedAt { get; init; }

    /// <summary>The native type name from <c>@db.X</c> (such as <c>Timestamptz</c> or <c>Date</c>), or null.</summary>
    public string? NativeType { get; init; }

    /// <summary>For enum columns: the mapping between C# values and database names.</summary>
    public EnumMapping? EnumMapping { get; init; }

    /// <summary>True when the database, not the client, assigns the value (autoincrement, dbgenerated).</summary>
    public bool IsGeneratedByDatabase => Default is DefaultKind.Autoincrement or DefaultKind.DatabaseGenerated;

    /// <inheritdoc />
    public override string ToString() => FieldName;
}
