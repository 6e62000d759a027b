using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;

namespace CountyTech.Enterprises.Domain;

/// <summary>
/// An innovation subject of the county (创新主体), known by its 统一社会信用代码, with its innovation record: high-tech
/// certificates, tech-SME registrations, R&amp;D centres, cooperations and annual reports. Its rules: nothing is dated
/// before the enterprise was registered; certificate numbers, R&amp;D centres and one tech-SME registration a year are not
/// recorded twice; a certificate is revoked once and not before it was issued. A broken rule is a
/// <see cref="RuleViolationException"/> (409).
/// </summary>
public sealed class Enterprise
{
    private readonly List<HighTechCertificate> _certificates = [];
    private readonly List<TechSmeRegistration> _techSmeRegistrations = [];
    private readonly List<RdCentre> _rdCentres = [];
    private readonly List<Cooperation> _cooperations = [];
    private readonly List<AnnualReport> _annualReports = [];

    private Enterprise()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>统一社会信用代码, unique.</summary>
    public string CreditCode { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>行业, as the bureau names it (电子信息, 新材料…).</summary>
    public string Industry { get; private set; } = string.Empty;

    /// <summary>乡镇 where the enterprise is.</summary>
    public string Township { get; private set; } = string.Empty;

    /// <summary>成立日期 in the business register.</summary>
    public DateOnly RegisteredOn { get; private set; }

    /// <summary>规模以上工业企业 (规上企业).</summary>
    public bool AboveDesignatedSize { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<HighTechCertificate> Certificates => _certificates;

    public IReadOnlyList<TechSmeRegistration> TechSmeRegistrations => _techSmeRegistrations;

    public IReadOnlyList<RdCentre> RdCentres => _rdCentres;

    public IReadOnlyList<Cooperation> Cooperations => _cooperations;

    public IReadOnlyList<AnnualReport> AnnualReports => _annualReports;

    public static Enterprise Register(EnterpriseRegistration registration, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CreditCode = registration.CreditCode,
        Name = registration.Name,
        Industry = registration.Industry,
        Township = registration.Township,
        RegisteredOn = registration.RegisteredOn,
        AboveDesignatedSize = registration.AboveDesignatedSize,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public HighTechCertificate Certify(string certificateNo, DateOnly issuedOn, string technologyField, DateTimeOffset now)
    {
        RequireNotBeforeRegistration(issuedOn, "issuedOn");
        if (FindCertificate(certificateNo) is not null)
        {
            throw new RuleViolationException($"Certificate {certificateNo} is already recorded for this enterprise.");
        }

        var certificate = new HighTechCertificate(certificateNo, issuedOn, technologyField);
        _certificates.Add(certificate);
        UpdatedAt = now;
        return certificate;
    }

    public HighTechCertificate? FindCertificate(string certificateNo) =>
        _certificates.FirstOrDefault(c => string.Equals(c.CertificateNo, certificateNo, StringComparison.Ordinal));

    public void RevokeCertificate(HighTechCertificate certificate, DateOnly revokedOn, string reason, DateTimeOffset now)
    {
        certificate.Revoke(revokedOn, reason);
        UpdatedAt = now;
    }

    public TechSmeRegistration RegisterTechSme(int year, string registrationNo, DateTimeOffset now)
    {
        if (year < RegisteredOn.Year)
        {
            throw new RuleViolationException($"year {year} is before the enterprise was registered on {RegisteredOn:yyyy-MM-dd}.");
        }

        if (_techSmeRegistrations.FirstOrDefault(r => r.Year == year) is { } existing)
        {
            throw new RuleViolationException(
                $"The enterprise is already registered as a tech-SME for {year} (registration {existing.RegistrationNo}).");
        }

        var registration = new TechSmeRegistration(year, registrationNo);
        _techSmeRegistrations.Add(registration);
        UpdatedAt = now;
        return registration;
    }

    public RdCentre RecogniseRdCentre(string name, RdCentreLevel level, DateOnly recognisedOn, DateTimeOffset now)
    {
        RequireNotBeforeRegistration(recognisedOn, "recognisedOn");
        if (_rdCentres.Any(c => c.Level == level && string.Equals(c.Name, name, StringComparison.Ordinal)))
        {
            throw new RuleViolationException($"The {ApiEnum.Name(level)} R&D centre {name} is already recorded for this enterprise.");
        }

        var centre = new RdCentre(name, level, recognisedOn);
        _rdCentres.Add(centre);
        UpdatedAt = now;
        return centre;
    }

    public Cooperation SignCooperation(string partner, PartnerKind partnerKind, DateOnly signedOn, decimal? amountWan, DateTimeOffset now)
    {
        RequireNotBeforeRegistration(signedOn, "signedOn");
        var cooperation = new Cooperation(partner, partnerKind, signedOn, amountWan);
        _cooperations.Add(cooperation);
        UpdatedAt = now;
        return cooperation;
    }

    /// <summary>
    /// Records the figures of <paramref name="year"/>, or corrects them; false (and nothing changed) when they are the
    /// figures already reported for that year.
    /// </summary>
    public bool ReportAnnualFigures(int year, AnnualFigures figures, DateTimeOffset now)
    {
        if (year < RegisteredOn.Year)
        {
            throw new RuleViolationException($"year {year} is before the enterprise was registered on {RegisteredOn:yyyy-MM-dd}.");
        }

        var report = _annualReports.FirstOrDefault(r => r.Year == year);
        if (report is null)
        {
            _annualReports.Add(new AnnualReport(year, figures, now));
        }
        else if (!report.Correct(figures, now))
        {
            return false;
        }

        UpdatedAt = now;
        return true;
    }

    private void RequireNotBeforeRegistration(DateOnly date, string field)
    {
        if (date < RegisteredOn)
        {
            throw new RuleViolationException($"{field} {date:yyyy-MM-dd} is before the enterprise was registered on {RegisteredOn:yyyy-MM-dd}.");
        }
    }
}
