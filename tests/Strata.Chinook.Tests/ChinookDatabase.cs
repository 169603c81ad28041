using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Chinook.Tests.Music;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.TestSupport;

namespace Strata.Chinook.Tests;

/// <summary>
/// The Chinook sample on a provider: on SQLite a copy of its own file (as it was made, with dates as
/// text), on PostgreSQL the tables the schema describes with every row copied through the client.
/// </summary>
public sealed class ChinookDatabase : IAsyncDisposable
{
    private readonly string? _file;

    private ChinookDatabase(ChinookDb client, string? file)
    {
        Client = client;
        _file = file;
    }

    public ChinookDb Client { get; }

    public static async Task<ChinookDatabase> OpenAsync(StrataProvider provider)
    {
        var sample = Path.Combine(TestPaths.SharedData, "chinook", "Chinook_Sqlite.sqlite");
        var file = Path.Combine(Path.GetTempPath(), "strata-chinook-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(sample, file);
        var sqlite = new ChinookDb("file:" + file);
        if (provider == StrataProvider.Sqlite) return new ChinookDatabase(sqlite, file);

        await using var source = new ChinookDatabase(sqlite, file);
        var url = await PostgresServer.Shared.CreateDatabaseAsync("chinook");
        var dialect = new PostgresMigrationDialect();
        var schema = SchemaCompilation.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "chinook.prisma"))).Schema;
        await using (var connection = new NpgsqlConnection(url))
        {
            await connection.OpenAsync();
            await new MigrationRunner(connection, dialect).ExecuteScriptAsync(dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, dialect), dialect)));
        }
        var postgres = new ChinookDb(url);
        await postgres.Genres.CreateManyAsync((await sqlite.Genres.FindManyAsync()).Select(g => new GenreCreate { GenreId = g.GenreId, Name = g.Name }));
        await postgres.Tracks.CreateManyAsync((await sqlite.Tracks.FindManyAsync()).Select(t => new TrackCreate
        {
            TrackId = t.TrackId, Name = t.Name, AlbumId = t.AlbumId, MediaTypeId = t.MediaTypeId, GenreId = t.GenreId, Composer = t.Composer,
            Milliseconds = t.Milliseconds, Bytes = t.Bytes, UnitPrice = t.UnitPrice,
        }));
        await postgres.Customers.CreateManyAsync((await sqlite.Customers.FindManyAsync()).Select(c => new CustomerCreate
        {
            CustomerId = c.CustomerId, FirstName = c.FirstName, LastName = c.LastName, Company = c.Company, Address = c.Address, City = c.City,
            State = c.State, Country = c.Country, PostalCode = c.PostalCode, Phone = c.Phone, Fax = c.Fax, Email = c.Email, SupportRepId = c.SupportRepId,
        }));
        await postgres.Invoices.CreateManyAsync((await sqlite.Invoices.FindManyAsync()).Select(i => new InvoiceCreate
        {
            InvoiceId = i.InvoiceId, CustomerId = i.CustomerId, InvoiceDate = i.InvoiceDate, BillingAddress = i.BillingAddress, BillingCity = i.BillingCity,
            BillingState = i.BillingState, BillingCountry = i.BillingCountry, BillingPostalCode = i.BillingPostalCode, Total = i.Total,
        }));
        await postgres.InvoiceLines.CreateManyAsync((await sqlite.InvoiceLines.FindManyAsync()).Select(l => new InvoiceLineCreate
        {
            InvoiceLineId = l.InvoiceLineId, InvoiceId = l.InvoiceId, TrackId = l.TrackId, UnitPrice = l.UnitPrice, Quantity = l.Quantity,
        }));
        return new ChinookDatabase(postgres, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_file != null) File.Delete(_file);
    }
}
