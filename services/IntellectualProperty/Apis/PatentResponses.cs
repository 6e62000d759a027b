using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>A patent as <c>GET /api/v1/ip/patents/{id}</c> and the list show it.</summary>
public sealed record PatentResponse(
    Guid Id, string ApplicationNo, string Title, PatentType Type, string ApplicantName, string? ApplicantCreditCode,
    string Township, PatentStatus Status, DateOnly FiledOn, DateOnly? GrantedOn, DateOnly? RejectedOn, DateOnly? LapsedOn,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static PatentResponse From(Patent p) => new(
        p.Id, p.ApplicationNo, p.Title, p.Type, p.ApplicantName, p.ApplicantCreditCode, p.Township, p.Status, p.FiledOn,
        p.GrantedOn, p.RejectedOn, p.LapsedOn, p.CreatedAt, p.UpdatedAt);
}

/// <summary>A patent as a row of the list's .xlsx download (专利清单), under the bureau's column names.</summary>
public sealed record PatentSpreadsheetRow(
    [property: ExcelColumnName("申请号")] string ApplicationNo,
    [property: ExcelColumnName("专利名称")] string Title,
    [property: ExcelColumnName("专利类型")] string Type,
    [property: ExcelColumnName("申请人")] string ApplicantName,
    [property: ExcelColumnName("申请人统一社会信用代码")] string? ApplicantCreditCode,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("法律状态")] string Status,
    [property: ExcelColumnName("申请日")] DateTime FiledOn,
    [property: ExcelColumnName("授权日")] DateTime? GrantedOn,
    [property: ExcelColumnName("驳回日")] DateTime? RejectedOn,
    [property: ExcelColumnName("失效日")] DateTime? LapsedOn,
    [property: ExcelColumnName("记录编号")] Guid Id)
{
    public static PatentSpreadsheetRow From(PatentResponse p) => new(
        p.ApplicationNo, p.Title, ApiEnum.Name(p.Type), p.ApplicantName, p.ApplicantCreditCode, p.Township, ApiEnum.Name(p.Status),
        p.FiledOn.ToDateTime(TimeOnly.MinValue), p.GrantedOn?.ToDateTime(TimeOnly.MinValue),
        p.RejectedOn?.ToDateTime(TimeOnly.MinValue), p.LapsedOn?.ToDateTime(TimeOnly.MinValue), p.Id);
}
