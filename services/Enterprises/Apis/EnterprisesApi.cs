using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Domain;
using CountyTech.Enterprises.Infrastructure;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Enterprises.Apis;

/// <summary>The Enterprises section of API.md: <c>/api/v1/enterprises</c> (创新主体).</summary>
public static class EnterprisesApi
{
    public static IEndpointRouteBuilder MapEnterprisesApi(this IEndpointRouteBuilder app)
    {
        var enterprises = app.MapGroup("/api/v1/enterprises")
            .WithApiTag("Enterprises", "创新主体 · Enterprises, their certificates, registrations, R&D centres, cooperations and annual figures")
            .WithAreaScopes("enterprises");
        enterprises.MapPost("/", RegisterEnterprise).WithName(nameof(RegisterEnterprise))
            .WithSummary("登记企业 · Register an enterprise by its unified social credit code").AnswersConflict();
        enterprises.MapGet("/", ListEnterprises).WithName(nameof(ListEnterprises))
            .WithSummary("企业清单 · List enterprises (year filters by registration year)");
        enterprises.MapGet("/high-tech-certificates", ListCertificates).WithName(nameof(ListCertificates))
            .WithSummary("高新技术企业证书清单 · List high-tech enterprise certificates (year filters by year of issue)");
        enterprises.MapPost("/annual-reports/import", ImportAnnualReports).WithName(nameof(ImportAnnualReports))
            .Accepts<Stream>(Spreadsheets.ContentType)
            .WithSummary("导入企业年报 · Apply the statistics bureau's .xlsx of a year's figures: every row or none")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        enterprises.MapGet("/{id:guid}", GetEnterprise).WithName(nameof(GetEnterprise))
            .WithSummary("企业详情 · An enterprise with its certificates, registrations, R&D centres, cooperations and annual reports")
            .AnswersNotFound();
        enterprises.MapGet("/{id:guid}/high-tech-eligibility", AssessHighTechEligibility).WithName(nameof(AssessHighTechEligibility))
            .WithSummary("高企认定条件自评 · The criteria of 高新技术企业认定管理办法 Art. 11 the records can judge, for a year").AnswersNotFound();
        enterprises.MapPost("/{id:guid}/high-tech-certificates", CertifyEnterprise).WithName(nameof(CertifyEnterprise))
            .WithSummary("登记高新技术企业证书 · Record a high-tech enterprise certificate").AnswersNotFound().AnswersConflict();
        enterprises.MapPost("/{id:guid}/high-tech-certificates/{certificateNo}/revocation", RevokeCertificate).WithName(nameof(RevokeCertificate))
            .WithSummary("撤销高新技术企业资格 · Revoke a high-tech enterprise certificate").AnswersNotFound().AnswersConflict();
        enterprises.MapPost("/{id:guid}/tech-sme-registrations", RegisterTechSme).WithName(nameof(RegisterTechSme))
            .WithSummary("科技型中小企业入库 · Record a year's tech-SME registration").AnswersNotFound().AnswersConflict();
        enterprises.MapPost("/{id:guid}/rd-centres", RecogniseRdCentre).WithName(nameof(RecogniseRdCentre))
            .WithSummary("登记企业研发机构 · Record a recognised R&D centre").AnswersNotFound().AnswersConflict();
        enterprises.MapPost("/{id:guid}/cooperations", SignCooperation).WithName(nameof(SignCooperation))
            .WithSummary("登记产学研合作 · Record a cooperation with a university or institute").AnswersNotFound().AnswersConflict();
        enterprises.MapPut("/{id:guid}/annual-reports/{year:int}", ReportAnnualFigures).WithName(nameof(ReportAnnualFigures))
            .WithSummary("填报企业年报 · Report or correct a year's figures").AnswersNotFound().AnswersConflict();
        return app;
    }

    public static async Task<Results<Created<EnterpriseResponse>, ValidationProblem>> RegisterEnterprise(
        RegisterEnterpriseRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = BureauCalendar.Today(clock);
        var registration = request.Validate(today, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (await db.Enterprises.AnyAsync(e => e.CreditCode == registration.CreditCode, cancellationToken))
        {
            throw new RuleViolationException($"An enterprise with credit code {registration.CreditCode} is already registered.");
        }

        var enterprise = Enterprise.Register(registration, clock.GetUtcNow());
        db.Enterprises.Add(enterprise);
        db.AddIntegrationEvent(new EnterpriseRegistered(
            enterprise.Id, enterprise.CreditCode, enterprise.Name, enterprise.Industry, enterprise.Township, enterprise.RegisteredOn,
            enterprise.AboveDesignatedSize), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", EnterpriseResponse.From(enterprise, today));
    }

    public static async Task<Results<Ok<PagedList<EnterpriseSummary>>, FileContentHttpResult, ValidationProblem>> ListEnterprises(
        [AsParameters] EnterpriseListQuery query, HttpRequest request, EnterprisesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = BureauCalendar.Today(clock);
        var valid = HighTechCertificate.ValidOn(today);
        return await query.Apply(db.Enterprises.AsNoTracking(), today, errors)
            .OrderBy(e => e.Township).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new EnterpriseSummary(e.Id, e.CreditCode, e.Name, e.Industry, e.Township, e.RegisteredOn,
                e.AboveDesignatedSize, e.Certificates.AsQueryable().Any(valid)))
            .ListAsync(request, query.Page, query.PageSize, errors, EnterpriseSpreadsheetRow.From, "创新主体名录.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<PagedList<CertificateSummary>>, FileContentHttpResult, ValidationProblem>> ListCertificates(
        [AsParameters] CertificateListQuery query, HttpRequest request, EnterprisesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = BureauCalendar.Today(clock);
        var certificates = db.Enterprises.AsNoTracking()
            .SelectMany(e => e.Certificates.Select(c => new EnterpriseCertificate { Enterprise = e, Certificate = c }));
        return await query.Apply(certificates, today, errors)
            .OrderByDescending(x => x.Certificate.IssuedOn).ThenBy(x => x.Certificate.CertificateNo)
            .Select(x => new CertificateSummary(
                x.Certificate.CertificateNo, x.Enterprise.Id, x.Enterprise.CreditCode, x.Enterprise.Name, x.Enterprise.Township,
                x.Certificate.TechnologyField, x.Certificate.IssuedOn, x.Certificate.ExpiresOn,
                x.Certificate.RevokedOn != null ? CertificateStatus.Revoked
                    : x.Certificate.ExpiresOn <= today ? CertificateStatus.Expired
                    : CertificateStatus.Valid,
                x.Certificate.RevokedOn))
            .ListAsync(request, query.Page, query.PageSize, errors, CertificateSpreadsheetRow.From, "高新技术企业证书清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> GetEnterprise(
        Guid id, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return enterprise is null ? NotFound(id) : TypedResults.Ok(EnterpriseResponse.From(enterprise, BureauCalendar.Today(clock)));
    }

    public static async Task<Results<Ok<HighTechEligibilityResponse>, ProblemHttpResult, ValidationProblem>> AssessHighTechEligibility(
        Guid id, int? year, EnterprisesDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var assessedYear = BusinessDates.Year(year, "year", errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return NotFound(id);
        }

        var endOfYear = BusinessDates.YearSpan(assessedYear).Last;
        var patentsInForce = await db.GrantedPatents.Where(p => p.CreditCode == enterprise.CreditCode)
            .Where(GrantedPatent.InForceOn(endOfYear)).CountAsync(cancellationToken);
        var assessment = HighTechEligibility.Assess(
            assessedYear, enterprise.RegisteredOn, enterprise.AnnualReports.ToDictionary(r => r.Year, r => r.Figures), patentsInForce);
        return TypedResults.Ok(new HighTechEligibilityResponse(
            enterprise.Id, enterprise.CreditCode, assessment.Year, assessment.Eligible, assessment.Criteria));
    }

    public static Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> CertifyEnterprise(
        Guid id, CertifyEnterpriseRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var certificateNo = errors.Text(request.CertificateNo, "certificateNo", EnterpriseLimits.Number);
        var issuedOn = BusinessDates.PastDate(request.IssuedOn, "issuedOn", BureauCalendar.Today(clock), errors);
        var technologyField = errors.Text(request.TechnologyField, "technologyField", EnterpriseLimits.TechnologyField);
        return ChangeAsync(id, errors, db, clock, async (enterprise, now) =>
        {
            if (await db.Enterprises.AnyAsync(e => e.Id != id && e.Certificates.Any(c => c.CertificateNo == certificateNo), cancellationToken))
            {
                throw new RuleViolationException($"Certificate {certificateNo} is already recorded for another enterprise.");
            }

            var certificate = enterprise.Certify(certificateNo, issuedOn, technologyField, now);
            return new HighTechEnterpriseCertified(enterprise.Id, enterprise.CreditCode, enterprise.Township, certificate.CertificateNo,
                certificate.TechnologyField, certificate.IssuedOn, certificate.ExpiresOn);
        }, cancellationToken);
    }

    public static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> RevokeCertificate(
        Guid id, string certificateNo, RevokeCertificateRequest request, EnterprisesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var revokedOn = BusinessDates.PastDate(request.RevokedOn, "revokedOn", BureauCalendar.Today(clock), errors);
        var reason = errors.Text(request.Reason, "reason", EnterpriseLimits.Reason);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return NotFound(id);
        }

        if (enterprise.FindCertificate(certificateNo.Trim()) is not { } certificate)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Certificate not found",
                detail: $"Enterprise {id} has no certificate {certificateNo}.");
        }

        var now = clock.GetUtcNow();
        enterprise.RevokeCertificate(certificate, revokedOn, reason, now);
        db.AddIntegrationEvent(new HighTechCertificateRevoked(enterprise.Id, enterprise.CreditCode, enterprise.Township,
            certificate.CertificateNo, certificate.IssuedOn, certificate.ExpiresOn, revokedOn, reason), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EnterpriseResponse.From(enterprise, BureauCalendar.Today(clock)));
    }

    public static Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> RegisterTechSme(
        Guid id, RegisterTechSmeRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var year = BusinessDates.PastYear(request.Year, "year", BureauCalendar.Today(clock), errors);
        var registrationNo = errors.Text(request.RegistrationNo, "registrationNo", EnterpriseLimits.Number);
        return ChangeAsync(id, errors, db, clock, async (enterprise, now) =>
        {
            if (await db.Enterprises.AnyAsync(e => e.Id != id && e.TechSmeRegistrations.Any(r => r.RegistrationNo == registrationNo), cancellationToken))
            {
                throw new RuleViolationException($"Tech-SME registration {registrationNo} is already recorded for another enterprise.");
            }

            var registration = enterprise.RegisterTechSme(year, registrationNo, now);
            return new TechSmeRegistered(enterprise.Id, enterprise.CreditCode, enterprise.Township, registration.Year, registration.RegistrationNo);
        }, cancellationToken);
    }

    public static Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> RecogniseRdCentre(
        Guid id, RecogniseRdCentreRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.Text(request.Name, "name", EnterpriseLimits.Name);
        var level = errors.Present(request.Level, "level");
        var recognisedOn = BusinessDates.PastDate(request.RecognisedOn, "recognisedOn", BureauCalendar.Today(clock), errors);
        return ChangeAsync(id, errors, db, clock, (enterprise, now) =>
        {
            var centre = enterprise.RecogniseRdCentre(name, level, recognisedOn, now);
            return Task.FromResult<object?>(new RdCentreRecognised(
                enterprise.Id, centre.Id, enterprise.CreditCode, enterprise.Township, centre.Name, centre.Level, centre.RecognisedOn));
        }, cancellationToken);
    }

    public static Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> SignCooperation(
        Guid id, SignCooperationRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var partner = errors.Text(request.Partner, "partner", EnterpriseLimits.Name);
        var partnerKind = errors.Present(request.PartnerKind, "partnerKind");
        var signedOn = BusinessDates.PastDate(request.SignedOn, "signedOn", BureauCalendar.Today(clock), errors);
        var amountWan = EnterpriseInput.OptionalWan(request.AmountWan, "amountWan", errors);
        return ChangeAsync(id, errors, db, clock, (enterprise, now) =>
        {
            var cooperation = enterprise.SignCooperation(partner, partnerKind, signedOn, amountWan, now);
            return Task.FromResult<object?>(new CooperationSigned(enterprise.Id, cooperation.Id, enterprise.CreditCode, enterprise.Township,
                cooperation.Partner, cooperation.PartnerKind, cooperation.SignedOn, cooperation.AmountWan));
        }, cancellationToken);
    }

    /// <summary>Upserts a year's figures; figures equal to those already reported change nothing and announce nothing.</summary>
    public static Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> ReportAnnualFigures(
        Guid id, int year, ReportAnnualFiguresRequest request, EnterprisesDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reportYear = BusinessDates.PastYear(year, "year", BureauCalendar.Today(clock), errors);
        var figures = request.Validate(errors);
        return ChangeAsync(id, errors, db, clock, (enterprise, now) => Task.FromResult<object?>(
            enterprise.ReportAnnualFigures(reportYear, figures, now) ? AnnualFiguresReportedOf(enterprise, reportYear, figures) : null),
            cancellationToken);
    }

    /// <summary>
    /// The statistics bureau's spreadsheet of <c>year</c>: 415 unless the body is an .xlsx workbook; 400 with an error under
    /// each wrong cell (a wrong header, an unknown credit code, a bad figure) and nothing written; otherwise every row in
    /// one transaction, announcing only the figures that changed.
    /// </summary>
    public static async Task<Results<Ok<AnnualReportImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAnnualReports(
        int? year, HttpRequest request, EnterprisesDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, Spreadsheets.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return NotASpreadsheet();
        }

        var errors = new ValidationErrors();
        var reportYear = BusinessDates.PastYear(year, "year", BureauCalendar.Today(clock), errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        await using var body = await SpreadsheetUpload.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"A spreadsheet of a year's figures is at most {SpreadsheetUpload.MaxBytes / 1024} KiB.");
        }

        if (!AnnualReportSheet.TryRead(body, errors, out var rows))
        {
            return NotASpreadsheet();
        }

        var codes = rows.Select(r => r.CreditCode).ToList();
        var enterprises = await db.Enterprises.Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, cancellationToken);
        var now = clock.GetUtcNow();
        var applied = 0;
        foreach (var row in rows)
        {
            if (!enterprises.TryGetValue(row.CreditCode, out var enterprise))
            {
                errors.Add(row.CreditCodeCell, $"No enterprise with credit code {row.CreditCode} is registered.");
                continue;
            }

            try
            {
                if (enterprise.ReportAnnualFigures(reportYear, row.Figures, now))
                {
                    applied++;
                    db.AddIntegrationEvent(AnnualFiguresReportedOf(enterprise, reportYear, row.Figures), clock);
                }
            }
            catch (RuleViolationException rule)
            {
                errors.Add(row.CreditCodeCell, rule.Message);
            }
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new AnnualReportImportResponse(reportYear, applied, rows.Count - applied));
    }

    private static AnnualFiguresReported AnnualFiguresReportedOf(Enterprise enterprise, int year, AnnualFigures figures) => new(
        enterprise.Id, enterprise.CreditCode, enterprise.Township, enterprise.AboveDesignatedSize, year, figures.RevenueWan,
        figures.RdExpenseWan, figures.Employees, figures.TechStaff, figures.HighTechRevenueWan);

    /// <summary>
    /// A change to an enterprise: 400 for an invalid body, 404 for an unknown enterprise, otherwise the
    /// domain rule is applied (409 if broken) and the new state saved with its integration event, if anything changed.
    /// </summary>
    private static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, ValidationErrors errors, EnterprisesDbContext db, TimeProvider clock,
        Func<Enterprise, DateTimeOffset, Task<object?>> change, CancellationToken cancellationToken)
    {
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return NotFound(id);
        }

        if (await change(enterprise, clock.GetUtcNow()) is { } integrationEvent)
        {
            db.AddIntegrationEvent(integrationEvent, clock);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(EnterpriseResponse.From(enterprise, BureauCalendar.Today(clock)));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Enterprise not found", detail: $"No enterprise has id {id}.");

    private static ProblemHttpResult NotASpreadsheet() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not an .xlsx workbook",
            detail: $"The body must be an .xlsx workbook sent as {Spreadsheets.ContentType}.");
}
