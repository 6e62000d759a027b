using CountyTech.BureauRules;
using CountyTech.Talent.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.Talent.Apis;

/// <summary>An expert as the list and <c>GET /api/v1/talent/experts/{id}</c> show it.</summary>
public sealed record ExpertResponse(
    Guid Id, string Name, string Institution, string Field, DateOnly IntroducedOn, DateOnly AgreementEnd, DateTimeOffset CreatedAt)
{
    public static ExpertResponse From(Expert e) => new(e.Id, e.Name, e.Institution, e.Field, e.IntroducedOn, e.AgreementEnd, e.CreatedAt);
}

/// <summary>
/// A commissioner as <c>GET /api/v1/talent/commissioners/{id}</c> shows it, with the service logs and the days served
/// in the bureau's current year (<see cref="DaysServedThisYear"/>).
/// </summary>
public sealed record CommissionerResponse(
    Guid Id, string Name, string Specialty, string Township, string Village, string DispatchingUnit, DateOnly DispatchedOn,
    CommissionerStatus Status, DateOnly? LeftOn, string? DepartureReason, int DaysServedThisYear,
    IReadOnlyList<ServiceLogResponse> ServiceLogs, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CommissionerResponse From(Commissioner c, int thisYear) => new(
        c.Id, c.Name, c.Specialty, c.Township, c.Village, c.DispatchingUnit, c.DispatchedOn, c.Status, c.LeftOn,
        c.DepartureReason, c.DaysServedIn(thisYear),
        c.ServiceLogs.OrderBy(l => l.ServedOn).ThenBy(l => l.Id).Select(l => new ServiceLogResponse(l.Id, l.ServedOn, l.Days, l.FarmersServed)).ToList(),
        c.CreatedAt, c.UpdatedAt);
}

public sealed record ServiceLogResponse(Guid Id, DateOnly ServedOn, int Days, int FarmersServed);

/// <summary>A commissioner in a list: where they serve, whether in post, and the days served this year (本年服务天数).</summary>
public sealed record CommissionerSummary(
    Guid Id, string Name, string Specialty, string Township, string Village, string DispatchingUnit, DateOnly DispatchedOn,
    CommissionerStatus Status, DateOnly? LeftOn, int DaysServedThisYear);

public sealed record DemonstrationBaseResponse(
    Guid Id, string Name, string Township, string Industry, decimal AreaMu, DateOnly CertifiedOn, DateTimeOffset CreatedAt)
{
    public static DemonstrationBaseResponse From(DemonstrationBase b) =>
        new(b.Id, b.Name, b.Township, b.Industry, b.AreaMu, b.CertifiedOn, b.CreatedAt);
}

public sealed record DemonstrationHouseholdResponse(
    Guid Id, string Name, string Township, DateOnly CertifiedOn, int HouseholdsReached, Guid? CommissionerId, DateTimeOffset CreatedAt)
{
    public static DemonstrationHouseholdResponse From(DemonstrationHousehold h) =>
        new(h.Id, h.Name, h.Township, h.CertifiedOn, h.HouseholdsReached, h.CommissionerId, h.CreatedAt);
}

public sealed record TrainingResponse(
    Guid Id, string Title, string Township, DateOnly HeldOn, int Sessions, int Participants, DateTimeOffset CreatedAt)
{
    public static TrainingResponse From(Training t) => new(t.Id, t.Title, t.Township, t.HeldOn, t.Sessions, t.Participants, t.CreatedAt);
}

// Rows of the lists' .xlsx downloads, under the bureau's column names.

/// <summary>An expert as a row of 柔性引进专家清单.</summary>
public sealed record ExpertSpreadsheetRow(
    [property: ExcelColumnName("姓名")] string Name,
    [property: ExcelColumnName("工作单位")] string Institution,
    [property: ExcelColumnName("专业领域")] string Field,
    [property: ExcelColumnName("引进日期")] DateTime IntroducedOn,
    [property: ExcelColumnName("协议到期日")] DateTime AgreementEnd,
    [property: ExcelColumnName("专家编号")] Guid Id)
{
    public static ExpertSpreadsheetRow From(ExpertResponse e) => new(
        e.Name, e.Institution, e.Field, e.IntroducedOn.ToDateTime(TimeOnly.MinValue), e.AgreementEnd.ToDateTime(TimeOnly.MinValue), e.Id);
}

/// <summary>A commissioner as a row of 科技特派员清单.</summary>
public sealed record CommissionerSpreadsheetRow(
    [property: ExcelColumnName("姓名")] string Name,
    [property: ExcelColumnName("专业特长")] string Specialty,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("村")] string Village,
    [property: ExcelColumnName("派出单位")] string DispatchingUnit,
    [property: ExcelColumnName("选派日期")] DateTime DispatchedOn,
    [property: ExcelColumnName("状态")] string Status,
    [property: ExcelColumnName("离岗日期")] DateTime? LeftOn,
    [property: ExcelColumnName("本年服务天数")] int DaysServedThisYear,
    [property: ExcelColumnName("特派员编号")] Guid Id)
{
    public static CommissionerSpreadsheetRow From(CommissionerSummary c) => new(
        c.Name, c.Specialty, c.Township, c.Village, c.DispatchingUnit, c.DispatchedOn.ToDateTime(TimeOnly.MinValue),
        ApiEnum.Name(c.Status), c.LeftOn?.ToDateTime(TimeOnly.MinValue), c.DaysServedThisYear, c.Id);
}

/// <summary>A demonstration base as a row of 科技示范基地清单.</summary>
public sealed record DemonstrationBaseSpreadsheetRow(
    [property: ExcelColumnName("基地名称")] string Name,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("产业")] string Industry,
    [property: ExcelColumnName("面积（亩）")] decimal AreaMu,
    [property: ExcelColumnName("认定日期")] DateTime CertifiedOn,
    [property: ExcelColumnName("基地编号")] Guid Id)
{
    public static DemonstrationBaseSpreadsheetRow From(DemonstrationBaseResponse b) =>
        new(b.Name, b.Township, b.Industry, b.AreaMu, b.CertifiedOn.ToDateTime(TimeOnly.MinValue), b.Id);
}

/// <summary>A demonstration household as a row of 科技示范户清单.</summary>
public sealed record DemonstrationHouseholdSpreadsheetRow(
    [property: ExcelColumnName("户主")] string Name,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("认定日期")] DateTime CertifiedOn,
    [property: ExcelColumnName("辐射带动户数")] int HouseholdsReached,
    [property: ExcelColumnName("结对特派员编号")] Guid? CommissionerId,
    [property: ExcelColumnName("示范户编号")] Guid Id)
{
    public static DemonstrationHouseholdSpreadsheetRow From(DemonstrationHouseholdResponse h) =>
        new(h.Name, h.Township, h.CertifiedOn.ToDateTime(TimeOnly.MinValue), h.HouseholdsReached, h.CommissionerId, h.Id);
}

/// <summary>A training as a row of 科技培训清单.</summary>
public sealed record TrainingSpreadsheetRow(
    [property: ExcelColumnName("培训主题")] string Title,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("举办日期")] DateTime HeldOn,
    [property: ExcelColumnName("期数")] int Sessions,
    [property: ExcelColumnName("参训人次")] int Participants,
    [property: ExcelColumnName("培训编号")] Guid Id)
{
    public static TrainingSpreadsheetRow From(TrainingResponse t) =>
        new(t.Title, t.Township, t.HeldOn.ToDateTime(TimeOnly.MinValue), t.Sessions, t.Participants, t.Id);
}
