using CountyTech.Contracts.Enterprises;

namespace CountyTech.Enterprises.Domain;

/// <summary>A cooperation agreement with a university or institute (产学研合作协议), with its amount in 万元 when one was agreed.</summary>
public sealed class Cooperation
{
    private Cooperation()
    {
    }

    internal Cooperation(string partner, PartnerKind partnerKind, DateOnly signedOn, decimal? amountWan)
    {
        Id = Guid.CreateVersion7();
        Partner = partner;
        PartnerKind = partnerKind;
        SignedOn = signedOn;
        AmountWan = amountWan;
    }

    public Guid Id { get; private set; }

    public string Partner { get; private set; } = string.Empty;

    public PartnerKind PartnerKind { get; private set; }

    public DateOnly SignedOn { get; private set; }

    public decimal? AmountWan { get; private set; }
}
