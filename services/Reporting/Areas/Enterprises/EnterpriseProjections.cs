using CountyTech.Contracts.Enterprises;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Areas.Enterprises;

/// <summary>
/// The projections of the enterprises area (创新主体): each event becomes one fact row built from what it carries
/// (township, business dates, figures), so no event waits for another and any arrival order gives the same tables. A
/// certificate's row is written by its certification and its revocation alike; the later event wins.
/// </summary>
public sealed class EnterpriseProjections :
    IProjection<EnterpriseRegistered>,
    IProjection<HighTechEnterpriseCertified>,
    IProjection<HighTechCertificateRevoked>,
    IProjection<TechSmeRegistered>,
    IProjection<RdCentreRecognised>,
    IProjection<CooperationSigned>,
    IProjection<AnnualFiguresReported>
{
    public Task ApplyAsync(EnterpriseRegistered e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new EnterpriseRegistration
        {
            EnterpriseId = e.EnterpriseId, MessageId = messageId, Industry = e.Industry, Township = e.Township,
            RegisteredOn = e.RegisteredOn, AboveDesignatedSize = e.AboveDesignatedSize,
        }, cancellationToken);

    public Task ApplyAsync(HighTechEnterpriseCertified e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new HighTechCertificate
        {
            CertificateNo = e.CertificateNo, MessageId = messageId, EnterpriseId = e.EnterpriseId, Township = e.Township,
            IssuedOn = e.IssuedOn, ExpiresOn = e.ExpiresOn, RevokedOn = null,
        }, cancellationToken);

    public Task ApplyAsync(HighTechCertificateRevoked e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new HighTechCertificate
        {
            CertificateNo = e.CertificateNo, MessageId = messageId, EnterpriseId = e.EnterpriseId, Township = e.Township,
            IssuedOn = e.IssuedOn, ExpiresOn = e.ExpiresOn, RevokedOn = e.RevokedOn,
        }, cancellationToken);

    public Task ApplyAsync(TechSmeRegistered e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new TechSmeRegistration
        {
            EnterpriseId = e.EnterpriseId, Year = e.Year, MessageId = messageId, Township = e.Township, RegistrationNo = e.RegistrationNo,
        }, cancellationToken);

    public Task ApplyAsync(RdCentreRecognised e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new RdCentre
        {
            CentreId = e.CentreId, MessageId = messageId, EnterpriseId = e.EnterpriseId, Township = e.Township, Level = e.Level,
            RecognisedOn = e.RecognisedOn,
        }, cancellationToken);

    public Task ApplyAsync(CooperationSigned e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new Cooperation
        {
            CooperationId = e.CooperationId, MessageId = messageId, EnterpriseId = e.EnterpriseId, Township = e.Township,
            PartnerKind = e.PartnerKind, SignedOn = e.SignedOn, AmountWan = e.AmountWan,
        }, cancellationToken);

    public Task ApplyAsync(AnnualFiguresReported e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new AnnualFigures
        {
            EnterpriseId = e.EnterpriseId, Year = e.Year, MessageId = messageId, Township = e.Township,
            AboveDesignatedSize = e.AboveDesignatedSize, RevenueWan = e.RevenueWan, RdExpenseWan = e.RdExpenseWan,
            Employees = e.Employees, TechStaff = e.TechStaff, HighTechRevenueWan = e.HighTechRevenueWan,
        }, cancellationToken);
}
