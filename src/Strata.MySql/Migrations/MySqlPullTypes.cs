using System.Text.RegularExpressions;
using Strata.Migrate.Model;
using Strata.Migrate.Pulling;

namespace Strata.MySql.Migrations;

/// <summary>
/// MySQL column types and defaults read back as schema types and native types, for <c>db pull</c>:
/// Prisma's default types bare (VARCHAR(191) is a String), every other one as its <c>@db.*</c>
/// attribute, and each ENUM column as an enum of its own named <c>{table}_{column}</c>, as Prisma's
/// introspection names them (MySQL has no enum types to name).
/// </summary>
public sealed partial class MySqlPullTypes : IPullTypes
{
    /// <inheritdoc />
    public bool KeepsForeignKeyNames => true;

    /// <summary>The enums a pulled schema needs: one per ENUM column, <c>{table}_{column}</c>, with the column's values.</summary>
    public static DatabaseSchema WithColumnEnums(DatabaseSchema database) => database with
    {
        Enums = database.Tables.SelectMany(t => t.Columns.Where(c => EnumValues(c.Type) != null).Select(c => new DatabaseEnum(EnumName(t, c), null, EnumValues(c.Type)!))).ToList(),
    };

    private static string EnumName(Table table, Column column) => $"{table.Name}_{column.Name}";

    private static List<string>? EnumValues(string type)
    {
        var m = EnumPattern().Match(type);
        return m.Success ? ValuePattern().Matches(m.Groups[1].Value).Select(v => v.Value[1..^1].Replace("''", "'")).ToList() : null;
    }

    /// <inheritdoc />
    public PulledType TypeOf(Table table, Column column, IReadOnlyDictionary<string, string> enumNames)
    {
        if (EnumValues(column.Type) != null) return new PulledType(PslNames.Identifier(EnumName(table, column)), null, false, false);
        var m = TypePattern().Match(column.Type);
        string name = m.Groups["name"].Value, args = m.Groups["args"].Value.Replace(" ", "");
        (string Scalar, string? Native) mapped = (name, args) switch
        {
            ("INTEGER", _) => ("Int", null),
            ("INTEGER UNSIGNED", _) => ("Int", "UnsignedInt"),
            ("SMALLINT", _) => ("Int", "SmallInt"),
            ("SMALLINT UNSIGNED", _) => ("Int", "UnsignedSmallInt"),
            ("TINYINT", _) => ("Int", "TinyInt"),
            ("TINYINT UNSIGNED", _) => ("Int", "UnsignedTinyInt"),
            ("MEDIUMINT", _) => ("Int", "MediumInt"),
            ("MEDIUMINT UNSIGNED", _) => ("Int", "UnsignedMediumInt"),
            ("YEAR", _) => ("Int", "Year"),
            ("BIGINT", _) => ("BigInt", null),
            ("BIGINT UNSIGNED", _) => ("BigInt", "UnsignedBigInt"),
            ("BOOLEAN", _) => ("Boolean", null),
            ("BIT", "1") => ("Boolean", "Bit(1)"),
            ("BIT", _) => ("Bytes", $"Bit({args})"),
            ("VARCHAR", "191") => ("String", null),
            ("VARCHAR", _) => ("String", $"VarChar({args})"),
            ("CHAR", _) => ("String", $"Char({args})"),
            ("TINYTEXT", _) => ("String", "TinyText"),
            ("TEXT", _) => ("String", "Text"),
            ("MEDIUMTEXT", _) => ("String", "MediumText"),
            ("LONGTEXT", _) => ("String", "LongText"),
            ("DOUBLE", _) => ("Float", null),
            ("FLOAT", _) => ("Float", "Float"),
            ("DECIMAL", "65,30") => ("Decimal", null),
            ("DECIMAL", _) => ("Decimal", $"Decimal({args.Replace(",", ", ")})"),
            ("DATETIME", "3") => ("DateTime", null),
            ("DATETIME", _) => ("DateTime", $"DateTime({args})"),
            ("TIMESTAMP", _) => ("DateTime", $"Timestamp({args})"),
            ("TIME", _) => ("DateTime", $"Time({args})"),
            ("DATE", _) => ("DateTime", "Date"),
            ("JSON", _) => ("Json", null),
            ("LONGBLOB", _) => ("Bytes", null),
            ("TINYBLOB", _) => ("Bytes", "TinyBlob"),
            ("BLOB", _) => ("Bytes", "Blob"),
            ("MEDIUMBLOB", _) => ("Bytes", "MediumBlob"),
            ("BINARY", _) => ("Bytes", $"Binary({args})"),
            ("VARBINARY", _) => ("Bytes", $"VarBinary({args})"),
            _ => ($"Unsupported(\"{PslNames.Escape(column.Type.ToLowerInvariant())}\")", null),
        };
        return new PulledType(mapped.Scalar, mapped.Native, false, column.AutoIncrement);
    }

    /// <inheritdoc />
    public string? DefaultOf(Column column, PulledType type)
    {
        if (column.Default == null) return null;
        // Any precision of CURRENT_TIMESTAMP is now(): Prisma writes the column's own precision back.
        if (NowPattern().IsMatch(column.Default)) return "now()";
        bool isEnum = EnumValues(column.Type) != null;
        return DefaultText.Of(column.Default, type.TypeName, isEnum);
    }

    [GeneratedRegex(@"^ENUM\((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex EnumPattern();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"^(?<name>[A-Z ]+?)(\((?<args>[^)]*)\))?$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^CURRENT_TIMESTAMP\(\d*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex NowPattern();
}
