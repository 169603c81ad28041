using Strata.Schema.Semantics;

namespace Strata.Migrate.Model;

/// <summary>
/// Turns a PSL schema into the database schema it asks for on one provider: a table per model
/// (views are not created by migrations), Prisma's constraint names, a join table per implicit
/// many-to-many relation, and native enums where the provider has them.
/// </summary>
public static class SchemaMapper
{
    /// <summary>The database schema for <paramref name="schema"/>, with types and defaults from <paramref name="dialect"/>.</summary>
    public static DatabaseSchema Map(SchemaDefinition schema, IMigrationDialect dialect)
    {
        // relationMode = "prisma" emulates relations in the client: the database gets no foreign keys.
        bool foreignKeys = schema.Datasource?.RelationMode != "prisma";
        var tables = schema.Models.Where(m => !m.IsView).Select(m => MapModel(m, dialect, foreignKeys)).ToList();
        tables.AddRange(schema.Relations
            .Where(r => r.Kind == RelationKind.ManyToMany)
            .OrderBy(r => r.JoinTableName, StringComparer.Ordinal)
            .Select(r => JoinTable(r, dialect, foreignKeys)));
        var enums = dialect.HasNativeEnums
            ? schema.Enums.Select(e => new DatabaseEnum(e.DatabaseName, e.DatabaseSchema, e.Values.Select(v => v.DatabaseName).ToList())).ToList()
            : [];
        var namespaces = schema.Datasource?.Schemas.ToList() ?? [];
        return new DatabaseSchema(tables, enums, namespaces);
    }

    private static Table MapModel(ModelDefinition model, IMigrationDialect dialect, bool withForeignKeys)
    {
        var columns = model.ScalarFields
            // Prisma leaves scalar list columns nullable (an absent list reads as empty).
            .Select(f => new Column(f.DatabaseName, dialect.ColumnType(f), f.IsOptional || f.IsList, dialect.DefaultSql(f), dialect.IsAutoIncrement(f))
            {
                DefaultFromDatabase = f.Default is { Kind: DefaultKind.Function, FunctionName: "dbgenerated", FunctionArguments.Count: 0 },
            })
            .ToList();
        var primaryKey = model.PrimaryKey == null ? null : new PrimaryKey(dialect.DatabaseIdentifier(model.PrimaryKey.DatabaseName), model.PrimaryKey.ColumnNames);

        // Prisma's order: field-level uniques in field order, then every @@index as written, then every @@unique.
        var keys = model.Uniques.Cast<KeyDefinition>().Concat(model.Indexes)
            .OrderBy(k => k.IsFieldLevel ? 0 : k is IndexDefinition ? 1 : 2)
            .ThenBy(k => k.Location.Span.Start)
            .Select(k => new Index(KeyName(k, model, dialect), k.Fields.Select(f => IndexColumnOf(f, dialect)).ToList(), k is UniqueDefinition, MethodOf(k as IndexDefinition)))
            .ToList();

        var foreignKeys = !withForeignKeys ? [] : model.RelationFields
            .Select(f => f.Relation)
            .Where(r => r != null && r.Kind != RelationKind.ManyToMany && ReferenceEquals(r.ReferencingModel, model))
            .Select(r => r!)
            .Distinct()
            .Select(r => new ForeignKey(
                dialect.DatabaseIdentifier(ForeignKeyName(r, dialect)),
                r.ForeignKeyFields.Select(f => f.DatabaseName).ToList(),
                r.ReferencedModel.DatabaseName,
                r.ReferencedModel.DatabaseSchema,
                r.ReferencedFields.Select(f => f.DatabaseName).ToList(),
                ActionSql(r.OnDelete),
                ActionSql(r.OnUpdate)))
            .ToList();
        return new Table(model.DatabaseName, model.DatabaseSchema, columns, primaryKey, keys, foreignKeys);
    }

    /// <summary>
    /// An index's name as the database will hold it: <c>map:</c>, else Prisma's default name
    /// shortened to the provider's limit (so not at all on SQLite), then cut as the database cuts.
    /// </summary>
    private static string KeyName(KeyDefinition key, ModelDefinition model, IMigrationDialect dialect)
    {
        var name = key.MappedName ?? (key is UniqueDefinition
            ? ConstraintNames.Unique(model.DatabaseName, key.ColumnNames, dialect.MaxIdentifierLength)
            : ConstraintNames.Index(model.DatabaseName, key.ColumnNames, dialect.MaxIdentifierLength));
        return dialect.DatabaseIdentifier(name);
    }

    /// <summary>
    /// A foreign key's name: <c>map:</c>, else Prisma's default <c>{table}_{columns}_fkey</c> with its
    /// stem shortened to the provider's limit (64 on MySQL), as Prisma shortens it.
    /// </summary>
    private static string ForeignKeyName(RelationDefinition relation, IMigrationDialect dialect)
    {
        if (relation.FieldA.RelationAttribute?.MappedName is { } mapped) return mapped;
        var stem = relation.ReferencingModel.DatabaseName + "_" + string.Join("_", relation.ForeignKeyFields.Select(f => f.DatabaseName));
        int room = dialect.MaxIdentifierLength - "_fkey".Length;
        return (stem.Length > room ? stem[..room] : stem) + "_fkey";
    }

    /// <summary>An index's method: <c>FULLTEXT</c> for MySQL's <c>@@fulltext</c>, else its <c>type:</c> (null: B-tree).</summary>
    private static string? MethodOf(IndexDefinition? index) => index?.IsFullText == true ? "FULLTEXT" : index?.IndexType?.ToUpperInvariant();

    private static IndexColumn IndexColumnOf(IndexField field, IMigrationDialect dialect) =>
        new(field.Field.DatabaseName, field.Sort == SortOrder.Desc, field.OperatorClass == null ? null : dialect.OperatorClass(field.OperatorClass), field.Length);

    /// <summary>The join table of an implicit many-to-many relation: columns A and B, as Prisma makes it.</summary>
    private static Table JoinTable(RelationDefinition relation, IMigrationDialect dialect, bool withForeignKeys)
    {
        var name = relation.JoinTableName;
        var a = (ModelDefinition)relation.FieldA.Container;
        var b = (ModelDefinition)relation.FieldB.Container;
        var aKey = a.PrimaryKey!.Fields[0].Field;
        var bKey = b.PrimaryKey!.Fields[0].Field;
        var columns = new List<Column>
        {
            new("A", dialect.ReferenceColumnType(aKey), false, null, false),
            new("B", dialect.ReferenceColumnType(bKey), false, null, false),
        };
        var foreignKeys = !withForeignKeys ? new List<ForeignKey>() : new List<ForeignKey>
        {
            new($"{name}_A_fkey", ["A"], a.DatabaseName, a.DatabaseSchema, [aKey.DatabaseName], "CASCADE", "CASCADE"),
            new($"{name}_B_fkey", ["B"], b.DatabaseName, b.DatabaseSchema, [bKey.DatabaseName], "CASCADE", "CASCADE"),
        };
        var indexes = new List<Index>();
        PrimaryKey? primaryKey = null;
        if (dialect.ManyToManyUsesPrimaryKey) primaryKey = new PrimaryKey($"{name}_AB_pkey", ["A", "B"]);
        else indexes.Add(new Index($"{name}_AB_unique", [new IndexColumn("A"), new IndexColumn("B")], true, null));
        indexes.Add(new Index($"{name}_B_index", [new IndexColumn("B")], false, null));
        return new Table(name, a.DatabaseSchema, columns, primaryKey, indexes, foreignKeys);
    }

    /// <summary>The SQL words of a referential action.</summary>
    public static string ActionSql(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.SetNull => "SET NULL",
        _ => "SET DEFAULT",
    };
}
