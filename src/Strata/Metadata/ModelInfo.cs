namespace Strata.Metadata;

/// <summary>A unique criterion of a model: the primary key or a unique constraint.</summary>
/// <param name="Name">The constraint's database name (such as <c>User_email_key</c>), used to explain violations.</param>
/// <param name="Columns">The columns, by index.</param>
/// <param name="IsPrimaryKey">True for the primary key.</param>
public sealed record UniqueInfo(string Name, int[] Columns, bool IsPrimaryKey);

/// <summary>
/// A model (a table) as the generated code describes it to the runtime: table name, columns,
/// unique criteria and relations. The generated client creates one per model, once.
/// </summary>
public sealed class ModelInfo
{
    private RelationInfo[] _relations = [];

    /// <summary>Describes a model.</summary>
    public ModelInfo(string name, string tableName, string? schema, ColumnInfo[] columns, UniqueInfo[] uniques)
    {
        Name = name;
        TableName = tableName;
        Schema = schema;
        Columns = columns;
        Uniques = uniques;
        for (int i = 0; i < columns.Length; i++)
            if (columns[i].Index != i) throw new ArgumentException($"Column {columns[i].FieldName} has index {columns[i].Index}, expected {i}.", nameof(columns));
    }

    /// <summary>The model's name in the schema.</summary>
    public string Name { get; }

    /// <summary>The table's name (<c>@@map</c>).</summary>
    public string TableName { get; }

    /// <summary>The database schema (<c>@@schema</c>), or null for the connection's.</summary>
    public string? Schema { get; }

    /// <summary>The columns in schema order.</summary>
    public ColumnInfo[] Columns { get; }

    /// <summary>The primary key and unique constraints.</summary>
    public UniqueInfo[] Uniques { get; }

    /// <summary>The relation fields; set once after all models exist, since relations refer to each other.</summary>
    public RelationInfo[] Relations
    {
        get => _relations;
        set
        {
            for (int i = 0; i < value.Length; i++)
                if (value[i].Index != i) throw new ArgumentException($"Relation {value[i].FieldName} has index {value[i].Index}, expected {i}.", nameof(value));
            foreach (var relation in value) relation.Owner = this;
            _relations = value;
        }
    }

    /// <summary>The columns an INSERT writes when the input sets none that the database generates (the frequent case, made once).</summary>
    internal IReadOnlyList<ColumnInfo> InsertedColumns => _insertedColumns ??= Array.FindAll(Columns, c => !c.IsGeneratedByDatabase);

    private ColumnInfo[]? _insertedColumns;

    /// <summary>The primary key, or the first unique criterion when the model has none.</summary>
    public UniqueInfo? PrimaryKey => Uniques.FirstOrDefault(u => u.IsPrimaryKey) ?? Uniques.FirstOrDefault();

    /// <summary>
    /// The schema's <c>relationMode</c>. With <see cref="Metadata.RelationMode.Prisma"/> the database has
    /// no foreign keys and deletes and updates of this model carry out the referential actions of the
    /// relations that refer to it.
    /// </summary>
    public RelationMode RelationMode { get; init; }

    /// <summary>Reads this model's rows; set by the generated code.</summary>
    public EntityReader Reader { get; init; } = null!;

    /// <summary>The generated unique proxy (<c>UserUnique</c>) that nested connects are given; set by the generated code.</summary>
    public object? UniqueProxy { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
