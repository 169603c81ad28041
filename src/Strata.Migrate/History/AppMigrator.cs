using System.Data.Common;

namespace Strata.Migrate.History;

/// <summary>A provider's <see cref="IStrataMigrator"/>: the deploy and history of <see cref="MigrationRunner"/>, with its errors as Strata's.</summary>
public sealed class AppMigrator(IMigrationDialect dialect) : IStrataMigrator
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> DeployAsync(DbConnection connection, string folder, CancellationToken cancellationToken)
    {
        var migrations = List(folder);
        try
        {
            return await new MigrationRunner(connection, dialect).DeployAsync(migrations, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationFailedException e)
        {
            throw new StrataException(ErrorCodes.MigrationFailed, e.Message, e);
        }
        catch (MigrationBlockedException e)
        {
            throw new StrataException(ErrorCodes.MigrationsBlocked, e.Message, e);
        }
    }

    /// <inheritdoc />
    public async Task<MigrationState> StatusAsync(DbConnection connection, string folder, CancellationToken cancellationToken)
    {
        var migrations = List(folder);
        var history = await new MigrationRunner(connection, dialect).ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        return MigrationComparison.Of(migrations, history);
    }

    private static IReadOnlyList<MigrationFile> List(string folder)
    {
        if (!Directory.Exists(folder))
            throw new StrataException(ErrorCodes.MigrationFailed, $"There is no migrations folder at {folder}: make the migrations with `strata migrate dev`, and copy them beside the app (a None item with CopyToOutputDirectory) or name the folder.");
        return new MigrationDirectory(folder).List();
    }
}
