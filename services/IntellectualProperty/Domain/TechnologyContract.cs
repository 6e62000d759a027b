using CountyTech.Contracts.IntellectualProperty;

namespace CountyTech.IntellectualProperty.Domain;

/// <summary>A registered technology contract (登记技术合同), its turnover (成交额) in 万元.</summary>
public sealed class TechnologyContract
{
    private TechnologyContract()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>技术合同登记号; unique.</summary>
    public string RegistrationNo { get; private set; } = string.Empty;

    public TechnologyContractType Type { get; private set; }

    public decimal AmountWan { get; private set; }

    public DateOnly SignedOn { get; private set; }

    /// <summary>卖方 (the party that supplies the technology).</summary>
    public string SellerName { get; private set; } = string.Empty;

    public string? SellerCreditCode { get; private set; }

    /// <summary>买方.</summary>
    public string BuyerName { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static TechnologyContract Register(TechnologyContractRegistration registration, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        RegistrationNo = registration.RegistrationNo,
        Type = registration.Type,
        AmountWan = registration.AmountWan,
        SignedOn = registration.SignedOn,
        SellerName = registration.SellerName,
        SellerCreditCode = registration.SellerCreditCode,
        BuyerName = registration.BuyerName,
        CreatedAt = now,
    };
}

/// <summary>A checked technology contract registration: what <see cref="TechnologyContract.Register"/> needs.</summary>
public sealed record TechnologyContractRegistration(
    string RegistrationNo,
    TechnologyContractType Type,
    decimal AmountWan,
    DateOnly SignedOn,
    string SellerName,
    string? SellerCreditCode,
    string BuyerName);
