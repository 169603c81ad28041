using Strata.Migrate.Model;

namespace Strata.Migrate.Steps;

/// <summary>Drop a table.</summary>
public sealed record DropTable(Table Table) : MigrationStep;

/// <summary>Add a column to a table.</summary>
public sealed record AddColumn(Table Table, Column Column) : MigrationStep;

/// <summary>Drop a column.</summary>
public sealed record DropColumn(Table Table, Column Column) : MigrationStep;

/// <summary>Change a column's type, nullability or default.</summary>
public sealed record AlterColumn(Table Table, Column From, Column To) : MigrationStep;

/// <summary>Drop an index.</summary>
public sealed record DropIndex(Table Table, Model.Index Index) : MigrationStep;

/// <summary>Drop a foreign key.</summary>
public sealed record DropForeignKey(Table Table, ForeignKey ForeignKey) : MigrationStep;

/// <summary>Add or drop a table's primary key (either side may be null).</summary>
public sealed record AlterPrimaryKey(Table Table, PrimaryKey? From, PrimaryKey? To) : MigrationStep;

/// <summary>Drop an enum type.</summary>
public sealed record DropEnum(DatabaseEnum Enum) : MigrationStep;

/// <summary>
/// Add or remove values of an enum type; <paramref name="Tables"/> are the target tables, whose
/// columns may use it, and <paramref name="PreviousTables"/> the tables before, whose defaults may.
/// </summary>
public sealed record AlterEnum(DatabaseEnum From, DatabaseEnum To, IReadOnlyList<Table> Tables, IReadOnlyList<Table> PreviousTables) : MigrationStep;

/// <summary>The column and key changes of one table, grouped so that a provider can write them as one statement (or one rebuild).</summary>
public sealed record AlterTable(Table Table, IReadOnlyList<MigrationStep> Changes) : MigrationStep;

/// <summary>
/// Rebuild a table as <paramref name="Target"/>, copying <paramref name="CopiedColumns"/>: how SQLite
/// makes changes that ALTER TABLE cannot (types, nullability, keys, foreign keys, dropped columns).
/// <paramref name="FilledColumns"/> became required and have a default, which their NULLs take as
/// they are copied.
/// </summary>
public sealed record RedefineTable(Table Target, IReadOnlyList<string> CopiedColumns, IReadOnlyCollection<string> FilledColumns) : MigrationStep;

/// <summary>Several tables rebuilt in one go, as one step of the migration file.</summary>
public sealed record RedefineTables(IReadOnlyList<RedefineTable> Tables) : MigrationStep;

/// <summary>Give an index another name; its shape stays (providers that cannot rename drop and create it).</summary>
public sealed record RenameIndex(Table Table, Model.Index From, Model.Index To) : MigrationStep;

/// <summary>Give a foreign key another name; its shape stays.</summary>
public sealed record RenameForeignKey(Table Table, ForeignKey From, ForeignKey To) : MigrationStep;
