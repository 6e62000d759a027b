using CountyTech.Reporting.Areas.Enterprises;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The facts recorded between two saves are written together, one statement per table: of several facts with one key,
/// in the statement or already stored, the one from the event written last is left whatever their order; a null goes in
/// as null; a value too long for its column is refused, not cut; and facts of work that was not saved are dropped.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class FactRecordingTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private HighTechCertificate Certificate(string number, Guid messageId, DateOnly issuedOn, DateOnly? revokedOn = null) => new()
    {
        CertificateNo = number, MessageId = messageId, EnterpriseId = Guid.NewGuid(), Township = Township,
        IssuedOn = issuedOn, ExpiresOn = issuedOn.AddYears(3), RevokedOn = revokedOn,
    };

    private Task SaveAsync(params HighTechCertificate[] certificates) => Service.ReadAsync(async db =>
    {
        foreach (var certificate in certificates)
        {
            await db.RecordAsync(certificate, CancellationToken.None);
        }

        return await db.SaveChangesAsync();
    });

    private Task<List<HighTechCertificate>> StoredAsync(params string[] numbers) => Service.ReadAsync(db =>
        db.Set<HighTechCertificate>().AsNoTracking().Where(c => numbers.Contains(c.CertificateNo)).OrderBy(c => c.CertificateNo).ToListAsync());

    [Fact]
    public async Task Of_one_key_written_together_the_fact_of_the_latest_event_is_left_whatever_the_order()
    {
        // UUIDv7s order by their millisecond only: within one they are random, so each event gets its own.
        var written = DateTimeOffset.UtcNow;
        Guid Event(int nth) => Guid.CreateVersion7(written.AddMilliseconds(nth));
        var (first, second, third) = (Event(1), Event(2), Event(3));
        var (a, b) = ("GR-A-" + Township, "GR-B-" + Township);

        await SaveAsync(
            Certificate(a, second, new(2021, 2, 1)),
            Certificate(b, first, new(2020, 5, 1), revokedOn: new(2022, 1, 1)),
            Certificate(a, third, new(2021, 3, 1), revokedOn: new(2023, 4, 1)),
            Certificate(a, first, new(2021, 1, 1)));

        var stored = await StoredAsync(a, b);
        Assert.Equal(
            [(a, third, new DateOnly(2021, 3, 1), (DateOnly?)new DateOnly(2023, 4, 1)), (b, first, new DateOnly(2020, 5, 1), new DateOnly(2022, 1, 1))],
            stored.Select(c => (c.CertificateNo, c.MessageId, c.IssuedOn, c.RevokedOn)));

        // A later save with an older event for the key changes nothing; a newer one, with no revocation, replaces it.
        await SaveAsync(Certificate(a, second, new(2021, 2, 1)));
        Assert.Equal(third, Assert.Single(await StoredAsync(a)).MessageId);
        var fourth = Event(4);
        await SaveAsync(Certificate(a, fourth, new(2021, 4, 1)));
        var replaced = Assert.Single(await StoredAsync(a));
        Assert.Equal((fourth, new DateOnly(2021, 4, 1), (DateOnly?)null), (replaced.MessageId, replaced.IssuedOn, replaced.RevokedOn));
    }

    [Fact]
    public async Task Facts_recorded_by_work_that_was_not_saved_are_not_written_by_the_next_user_of_the_pooled_context()
    {
        var (dropped, kept) = ("GR-D-" + Township, "GR-E-" + Township);
        var left = await Service.ReadAsync(async db =>
        {
            await db.RecordAsync(Certificate(dropped, Guid.CreateVersion7(), new(2022, 1, 1)), CancellationToken.None);
            return db;
        });

        // The pool hands its contexts out in turn: the one left with a pending fact comes back within a few scopes.
        var reused = false;
        for (var scope = 0; scope < 100 && !reused; scope++)
        {
            reused = await Service.ReadAsync(async db =>
            {
                if (!ReferenceEquals(db, left))
                {
                    return false;
                }

                await db.RecordAsync(Certificate(kept, Guid.CreateVersion7(), new(2022, 1, 1)), CancellationToken.None);
                await db.SaveChangesAsync();
                return true;
            });
        }

        Assert.True(reused, "The context was not handed out again: the service's contexts are not pooled.");
        Assert.Equal([kept], (await StoredAsync(dropped, kept)).Select(c => c.CertificateNo));
    }

    [Fact]
    public async Task A_value_too_long_for_its_column_is_refused_and_nothing_of_the_statement_is_written()
    {
        var fits = "GR-C-" + Township;
        var tooLong = "GR-" + new string('长', 60);

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            SaveAsync(Certificate(fits, Guid.CreateVersion7(), new(2022, 1, 1)), Certificate(tooLong, Guid.CreateVersion7(), new(2022, 1, 1))));

        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, refused.SqlState);
        Assert.Empty(await StoredAsync(fits, tooLong, tooLong[..50]));
    }
}
