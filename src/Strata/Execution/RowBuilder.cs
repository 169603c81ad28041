using Strata.Defaults;
using Strata.Metadata;
using Strata.Queries;
using Strata.Writes;

namespace Strata.Execution;

/// <summary>Turns create and update inputs into column values: defaults, <c>@updatedAt</c>, atomic operations.</summary>
internal static class RowBuilder
{
    /// <summary>The columns an INSERT writes for <paramref name="input"/>: all but unset database-generated ones.</summary>
    public static IReadOnlyList<ColumnInfo> InsertColumns(ModelInfo model, WriteInput input)
    {
        bool setsGenerated = false;
        foreach (var column in model.Columns)
            if (column.IsGeneratedByDatabase && input.IsAssigned(column.Index)) setsGenerated = true;
        if (!setsGenerated) return model.InsertedColumns;
        var columns = new List<ColumnInfo>(model.Columns.Length);
        foreach (var column in model.Columns)
            if (!column.IsGeneratedByDatabase || input.IsAssigned(column.Index)) columns.Add(column);
        return columns;
    }

    /// <summary>
    /// The values of <paramref name="columns"/> for <paramref name="input"/>, with defaults applied;
    /// <paramref name="now"/> for <c>now()</c> and <c>@updatedAt</c> (one time for a whole CreateMany), else taken when first needed.
    /// </summary>
    public static object?[] InsertValues(ModelInfo model, IReadOnlyList<ColumnInfo> columns, WriteInput input, DateTime? now = null)
    {
        var row = new object?[columns.Count];
        for (int i = 0; i < row.Length; i++)
        {
            var column = columns[i];
            if (input.IsAssigned(column.Index))
            {
                row[i] = input.Value(column.Index);
                continue;
            }
            row[i] = column.Default switch
            {
                DefaultKind.Now => now ??= Now(),
                DefaultKind.UuidV4 => IdGenerators.UuidV4(),
                DefaultKind.UuidV7 => IdGenerators.UuidV7(),
                DefaultKind.Cuid => IdGenerators.Cuid(),
                DefaultKind.Ulid => IdGenerators.Ulid(),
                DefaultKind.NanoId => IdGenerators.NanoId(column.DefaultValue is int size ? size : 21),
                DefaultKind.Literal => column.DefaultValue,
                _ when column.IsUpdatedAt => now ??= Now(),
                _ when column.IsOptional => null,
                _ when column.IsList => Array.Empty<object>(),
                _ => throw new StrataException(ErrorCodes.MissingRequiredValue,
                    $"Create of {model.Name} is missing the required field {column.FieldName}: set it, or connect or create the relation it belongs to.") { Model = model.Name },
            };
        }
        return row;
    }

    /// <summary>The assignments of an UPDATE: what the input set, plus <c>@updatedAt</c> fields it did not.</summary>
    public static List<ColumnUpdate> Updates(ModelInfo model, WriteInput input, DateTime now)
    {
        var updates = new List<ColumnUpdate>();
        foreach (var column in model.Columns)
        {
            if (input.IsAssigned(column.Index))
            {
                var value = input.Value(column.Index);
                updates.Add(value is INumberUpdate number
                    ? new ColumnUpdate(column, number.Operation, number.Value)
                    : new ColumnUpdate(column, NumberOperation.Set, value));
            }
            else if (column.IsUpdatedAt)
            {
                updates.Add(new ColumnUpdate(column, NumberOperation.Set, now));
            }
        }
        return updates;
    }

    /// <summary>The current time as stored: UTC, to the millisecond (the precision Prisma's columns keep).</summary>
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }
}
