using CountyTech.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

// A minimal producer/consumer pair for the messaging mechanics: each LedgerPosted adds its amount to a balance.
// The effect is deliberately NOT idempotent by itself (balance = balance + amount), so only the inbox can keep a
// second delivery from counting twice.
namespace CountyTech.Messaging.Tests.Ledger;

public sealed record LedgerPosted(int Sequence, decimal Amount, bool Poison = false, LedgerSide Side = LedgerSide.Credit);

/// <summary>An enum whose kebab-case name differs from its member name, as the contracts' enums do (<c>carried-forward</c>).</summary>
public enum LedgerSide { Credit, CarriedForward }

public sealed class LedgerEntry
{
    public Guid Id { get; set; }

    public int Sequence { get; set; }

    public decimal Amount { get; set; }

    public LedgerSide Side { get; set; }
}

public sealed class Balance
{
    public int Id { get; set; }

    public decimal Total { get; set; }

    public int Postings { get; set; }
}

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerEntry>().ToTable("ledger_entry");
        modelBuilder.Entity<Balance>().ToTable("balance").Property(b => b.Id).ValueGeneratedNever();
        modelBuilder.AddOutbox().AddInbox();
    }
}

/// <summary>Counts every delivery handled to the end (committed or dropped as a duplicate), so tests can prove duplicates really arrived.</summary>
public sealed class DeliveryCounter
{
    private int _deliveries;

    public int Deliveries => Volatile.Read(ref _deliveries);

    public void Seen() => Interlocked.Increment(ref _deliveries);
}

/// <summary>The ledger's consumer; it commits through the batched inbox when the host has one.</summary>
public sealed class LedgerConsumer(IServiceProvider services, TimeProvider clock, DeliveryCounter counter, ILogger<LedgerConsumer> logger)
    : IdempotentConsumer<LedgerDbContext, LedgerPosted>(services, clock, logger)
{
    protected override Task OnHandledAsync(ConsumeContext<LedgerPosted> context, bool firstDelivery)
    {
        counter.Seen();
        return Task.CompletedTask;
    }

    protected override async Task HandleAsync(ConsumeContext<LedgerPosted> context, LedgerDbContext db, CancellationToken cancellationToken)
    {
        if (context.Message.Poison)
        {
            throw new InvalidOperationException($"Posting {context.Message.Sequence} is poison.");
        }

        db.Add(new LedgerEntry { Id = Guid.NewGuid(), Sequence = context.Message.Sequence, Amount = context.Message.Amount, Side = context.Message.Side });
        await db.Database.ExecuteSqlAsync(
            $"UPDATE balance SET total = total + {context.Message.Amount}, postings = postings + 1 WHERE id = 1", cancellationToken);
    }
}
