namespace Strata.Migrate.Pulling;

/// <summary>A column type read back as a schema type: the scalar (or enum) name, an optional native type attribute, or Unsupported.</summary>
/// <param name="TypeName">String, Int, an enum's name, or <c>Unsupported("...")</c>.</param>
/// <param name="NativeType">A native type attribute without the datasource prefix (<c>VarChar(255)</c>), or null for the provider's default.</param>
/// <param name="IsList">True for array columns.</param>
/// <param name="AutoIncrement">True when the column is the provider's auto-increment type (SERIAL).</param>
public sealed record PulledType(string TypeName, string? NativeType, bool IsList, bool AutoIncrement);

/// <summary>What a provider contributes to <c>db pull</c>: schema types and defaults for its columns.</summary>
public interface IPullTypes
{
    /// <summary>The schema type of a column of <paramref name="table"/>; enum columns resolve through <paramref name="enumNames"/> (database type → schema name).</summary>
    PulledType TypeOf(Model.Table table, Model.Column column, IReadOnlyDictionary<string, string> enumNames);

    /// <summary>
    /// True when the database keeps foreign key names that pull should write as <c>map:</c>
    /// (PostgreSQL); SQLite's are not read back by Prisma, which writes none.
    /// </summary>
    bool KeepsForeignKeyNames { get; }

    /// <summary>The <c>@default(...)</c> argument for a column's default, or null when there is none to write.</summary>
    string? DefaultOf(Model.Column column, PulledType type);
}
