namespace CountyTech.Projects.Domain;

/// <summary>A payment of funds to an approved project (资金拨付), in 万元.</summary>
public sealed class Disbursement
{
    private Disbursement()
    {
    }

    internal Disbursement(DateOnly paidOn, decimal amountWan)
    {
        Id = Guid.CreateVersion7();
        PaidOn = paidOn;
        AmountWan = amountWan;
    }

    public Guid Id { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public decimal AmountWan { get; private set; }
}
