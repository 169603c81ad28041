using Strata.Chinook.Tests.Music;
using Strata.TestSupport;

namespace Strata.Chinook.Tests;

/// <summary>
/// The reports of a music store's dashboard, by aggregates and groups, each equal to LINQ to objects
/// over all the rows read back. Chinook's prices are NUMERIC, which SQLite keeps as doubles, so money
/// is compared to the cent.
/// </summary>
public class ChinookReportTests
{
    public static TheoryData<StrataProvider> Providers => new() { StrataProvider.Sqlite, StrataProvider.PostgreSql };

    [SharedDataTheory, MemberData(nameof(Providers))]
    public async Task Sales_per_country_ordered_by_revenue(StrataProvider provider)
    {
        await using var chinook = await ChinookDatabase.OpenAsync(provider);
        var db = chinook.Client;
        var invoices = await db.Invoices.FindManyAsync();
        Assert.Equal(412, invoices.Count);

        var sales = await db.Invoices.GroupBy(i => i.BillingCountry)
            .OrderBy(g => g.Sum(i => i.Total).Desc()).OrderBy(g => g.Key(i => i.BillingCountry))
            .SelectAsync(g => (Country: g.Key(i => i.BillingCountry), Invoices: g.Count(), Revenue: g.Sum(i => i.Total)));
        var expected = invoices.GroupBy(i => i.BillingCountry)
            .Select(g => (Country: g.Key, Invoices: g.Count(), Revenue: g.Sum(i => i.Total)))
            .OrderByDescending(s => s.Revenue).ThenBy(s => s.Country, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(s => (s.Country, s.Invoices, Math.Round(s.Revenue, 2))), sales.Select(s => (s.Country, s.Invoices, Math.Round(s.Revenue!.Value, 2))));
        Assert.Equal("USA", sales[0].Country);
    }

    [SharedDataTheory, MemberData(nameof(Providers))]
    public async Task Tracks_per_genre_with_their_average_length(StrataProvider provider)
    {
        await using var chinook = await ChinookDatabase.OpenAsync(provider);
        var db = chinook.Client;
        var tracks = await db.Tracks.FindManyAsync();
        var genres = (await db.Genres.FindManyAsync()).ToDictionary(g => g.GenreId, g => g.Name);

        var perGenre = await db.Tracks.GroupBy(t => t.GenreId)
            .Having(g => g.Count() >= 20)
            .OrderBy(g => g.Count().Desc()).OrderBy(g => g.Key(t => t.GenreId))
            .SelectAsync(g => new { Genre = g.Key(t => t.GenreId), Tracks = g.Count(), AverageMs = g.Avg(t => t.Milliseconds), Longest = g.Max(t => t.Milliseconds) });
        var expected = tracks.GroupBy(t => t.GenreId).Where(g => g.Count() >= 20)
            .Select(g => new { Genre = g.Key, Tracks = g.Count(), AverageMs = (double?)g.Average(t => t.Milliseconds), Longest = (int?)g.Max(t => t.Milliseconds) })
            .OrderByDescending(g => g.Tracks).ThenBy(g => g.Genre).ToList();
        Assert.Equal(expected.Select(g => (g.Genre, g.Tracks, g.Longest)), perGenre.Select(g => (g.Genre, g.Tracks, g.Longest)));
        Assert.All(expected.Zip(perGenre), p => Assert.Equal(p.First.AverageMs!.Value, p.Second.AverageMs!.Value, 6));
        Assert.Equal("Rock", genres[perGenre[0].Genre!.Value]);
    }

    [SharedDataTheory, MemberData(nameof(Providers))]
    public async Task Customers_with_the_most_invoices_and_store_totals(StrataProvider provider)
    {
        await using var chinook = await ChinookDatabase.OpenAsync(provider);
        var db = chinook.Client;
        var invoices = await db.Invoices.FindManyAsync();
        var lines = await db.InvoiceLines.FindManyAsync();

        var top = await db.Invoices.Where(i => i.Total > 1m).GroupBy(i => i.CustomerId)
            .OrderBy(g => g.Count().Desc()).OrderBy(g => g.Sum(i => i.Total).Desc()).OrderBy(g => g.Key(i => i.CustomerId))
            .Take(5)
            .SelectAsync(g => (Customer: g.Key(i => i.CustomerId)!.Value, Invoices: g.Count(), Spent: g.Sum(i => i.Total)!.Value));
        var expected = invoices.Where(i => i.Total > 1m).GroupBy(i => i.CustomerId)
            .Select(g => (Customer: g.Key, Invoices: g.Count(), Spent: g.Sum(i => i.Total)))
            .OrderByDescending(c => c.Invoices).ThenByDescending(c => Math.Round(c.Spent, 2)).ThenBy(c => c.Customer).Take(5).ToList();
        Assert.Equal(expected.Select(c => (c.Customer, c.Invoices, Math.Round(c.Spent, 2))), top.Select(c => (c.Customer, c.Invoices, Math.Round(c.Spent, 2))));

        var totals = await db.InvoiceLines.AggregateAsync(a => new
        {
            Lines = a.Count(),
            Tracks = a.CountDistinct(l => l.TrackId),
            Units = a.Sum(l => l.Quantity),
            AveragePrice = a.Avg(l => l.UnitPrice),
            Cheapest = a.Min(l => l.UnitPrice),
        });
        Assert.Equal(lines.Count, totals.Lines);
        Assert.Equal(lines.Select(l => l.TrackId).Distinct().Count(), totals.Tracks);
        Assert.Equal(lines.Sum(l => (long)l.Quantity), totals.Units);
        Assert.Equal(Math.Round(lines.Average(l => l.UnitPrice), 6), Math.Round(totals.AveragePrice!.Value, 6));
        Assert.Equal(lines.Min(l => l.UnitPrice), totals.Cheapest);

        var span = await db.Invoices.AggregateAsync(a => (First: a.Min(i => i.InvoiceDate), Last: a.Max(i => i.InvoiceDate)));
        Assert.Equal((invoices.Min(i => i.InvoiceDate), invoices.Max(i => i.InvoiceDate)), (span.First!.Value, span.Last!.Value));
    }
}
