using System.Linq.Expressions;

namespace CountyTech.Enterprises.Domain;

/// <summary>
/// A patent granted to an enterprise's credit code (授权专利), as the Intellectual-property service announced its grant and,
/// later, its lapse. Kept to judge "owns granted IP" (高新技术企业认定管理办法 Art. 11(2)). Either announcement alone gives
/// the grant date, so the record is the same whichever arrives first.
/// </summary>
public sealed class GrantedPatent
{
    private GrantedPatent()
    {
    }

    /// <summary>The first news of a patent, its grant or its lapse: both name the grant date.</summary>
    public static GrantedPatent Granted(Guid patentId, string applicationNo, string creditCode, DateOnly grantedOn) => new()
    {
        PatentId = patentId,
        ApplicationNo = applicationNo,
        CreditCode = creditCode,
        GrantedOn = grantedOn,
    };

    public Guid PatentId { get; private set; }

    public string ApplicationNo { get; private set; } = string.Empty;

    /// <summary>统一社会信用代码 of the applicant that owns the patent.</summary>
    public string CreditCode { get; private set; } = string.Empty;

    public DateOnly GrantedOn { get; private set; }

    public DateOnly? LapsedOn { get; private set; }

    /// <summary>Whether the patent is in force at the end of <paramref name="date"/>: granted by then and not lapsed by then.</summary>
    public static Expression<Func<GrantedPatent, bool>> InForceOn(DateOnly date) =>
        p => p.GrantedOn <= date && (p.LapsedOn == null || p.LapsedOn > date);

    public void Lapse(DateOnly lapsedOn) => LapsedOn = lapsedOn;
}
