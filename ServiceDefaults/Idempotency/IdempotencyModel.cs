using CountyTech.ServiceDefaults;

// In EF Core's namespace, like UseNpgsql: a DbContext's OnModelCreating finds it without another using.
namespace Microsoft.EntityFrameworkCore;

/// <summary>The table of idempotent requests (<see cref="IdempotentRequest"/>), added to a service's own DbContext model.</summary>
public static class IdempotencyModel
{
    public const string Table = "idempotent_request";

    /// <summary>
    /// One line in every service's <c>OnModelCreating</c> (then a migration): the table in which a POST with an
    /// <c>Idempotency-Key</c> is recorded in the same transaction as its effect. A service that lacks it does not start.
    /// </summary>
    public static ModelBuilder AddIdempotency(this ModelBuilder model)
    {
        model.Entity<IdempotentRequest>(request =>
        {
            request.ToTable(Table);
            request.HasKey(r => new { r.ClientId, r.IdempotencyKey });
            request.Property(r => r.ClientId).HasMaxLength(CallerIdentity.MaxClientIdLength);
            request.Property(r => r.IdempotencyKey).HasMaxLength(IdempotencyKey.MaxLength);
            request.Property(r => r.Fingerprint).HasMaxLength(32);
            request.Property(r => r.ContentType).HasMaxLength(200);
            request.Property(r => r.Location).HasMaxLength(2000);
            request.HasIndex(r => r.ExpiresAt);
        });
        return model;
    }
}
