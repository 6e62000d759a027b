using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>An achievement as <c>GET /api/v1/ip/achievements/{id}</c> and the list show it.</summary>
public sealed record AchievementResponse(
    Guid Id, string RegistrationNo, string Title, AchievementType Type, DateOnly RegisteredOn, string HolderName,
    DateTimeOffset CreatedAt)
{
    public static AchievementResponse From(Achievement a) =>
        new(a.Id, a.RegistrationNo, a.Title, a.Type, a.RegisteredOn, a.HolderName, a.CreatedAt);
}

/// <summary>An achievement as a row of the list's .xlsx download (科技成果登记清单).</summary>
public sealed record AchievementSpreadsheetRow(
    [property: ExcelColumnName("登记号")] string RegistrationNo,
    [property: ExcelColumnName("成果名称")] string Title,
    [property: ExcelColumnName("成果类型")] string Type,
    [property: ExcelColumnName("登记日期")] DateTime RegisteredOn,
    [property: ExcelColumnName("完成单位")] string HolderName,
    [property: ExcelColumnName("记录编号")] Guid Id)
{
    public static AchievementSpreadsheetRow From(AchievementResponse a) => new(
        a.RegistrationNo, a.Title, ApiEnum.Name(a.Type), a.RegisteredOn.ToDateTime(TimeOnly.MinValue), a.HolderName, a.Id);
}
