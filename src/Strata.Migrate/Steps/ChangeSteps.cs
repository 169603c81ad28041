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

/// <summary>Add or remove values of an enum type.</summary>
public sealed record AlterEnum(DatabaseEnum From, DatabaseEnum To) : MigrationStep;
