using Strata.Schema.Semantics;

namespace Strata.MySql.Migrations;

/// <summary>Prisma's MySQL column types: the default one of each scalar type, and each <c>@db.*</c> native type as Prisma's engine writes it.</summary>
internal static class MySqlTypes
{
    /// <summary>The type of a field without a native type attribute.</summary>
    public static string Default(ScalarType scalar) => scalar switch
    {
        // 191 characters of utf8mb4 fit the 767-byte index prefix of older InnoDB formats.
        ScalarType.String => "VARCHAR(191)",
        ScalarType.Boolean => "BOOLEAN",
        ScalarType.Int => "INTEGER",
        ScalarType.BigInt => "BIGINT",
        ScalarType.Float => "DOUBLE",
        ScalarType.Decimal => "DECIMAL(65, 30)",
        ScalarType.DateTime => "DATETIME(3)",
        ScalarType.Json => "JSON",
        _ => "LONGBLOB",
    };

    /// <summary>A native type (<c>@db.VarChar(36)</c>) as SQL; a TinyInt of a Boolean field is BOOLEAN, as Prisma writes it.</summary>
    public static string Native(NativeTypeDefinition native, ScalarType? scalar)
    {
        string Args() => native.Arguments.Count == 0 ? "" : "(" + string.Join(", ", native.Arguments.Select(a => a.Trim())) + ")";
        return native.Name switch
        {
            "Int" => "INTEGER",
            "UnsignedInt" => "INTEGER UNSIGNED",
            "SmallInt" => "SMALLINT",
            "UnsignedSmallInt" => "SMALLINT UNSIGNED",
            "TinyInt" when scalar == ScalarType.Boolean => "BOOLEAN",
            "TinyInt" => "TINYINT",
            "UnsignedTinyInt" => "TINYINT UNSIGNED",
            "MediumInt" => "MEDIUMINT",
            "UnsignedMediumInt" => "MEDIUMINT UNSIGNED",
            "BigInt" => "BIGINT",
            "UnsignedBigInt" => "BIGINT UNSIGNED",
            "VarChar" or "Char" or "Bit" or "Binary" or "VarBinary" or "Decimal" or "Time" or "DateTime" or "Timestamp" => native.Name.ToUpperInvariant() + Args(),
            _ => native.Name.ToUpperInvariant(),
        };
    }

    /// <summary>The fractional-second precision of a time type written with one (<c>@db.Timestamp(0)</c>), else null.</summary>
    public static int? TimePrecision(NativeTypeDefinition? native) =>
        native is { Name: "DateTime" or "Timestamp" or "Time", Arguments.Count: 1 } && int.TryParse(native.Arguments[0], out var p) ? p : null;
}
