using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>A technology contract as <c>GET /api/v1/ip/technology-contracts/{id}</c> and the list show it.</summary>
public sealed record TechnologyContractResponse(
    Guid Id, string RegistrationNo, TechnologyContractType Type, decimal AmountWan, DateOnly SignedOn, string SellerName,
    string? SellerCreditCode, string BuyerName, DateTimeOffset CreatedAt)
{
    public static TechnologyContractResponse From(TechnologyContract c) => new(
        c.Id, c.RegistrationNo, c.Type, c.AmountWan, c.SignedOn, c.SellerName, c.SellerCreditCode, c.BuyerName, c.CreatedAt);
}

/// <summary>A technology contract as a row of the list's .xlsx download (技术合同登记清单).</summary>
public sealed record TechnologyContractSpreadsheetRow(
    [property: ExcelColumnName("登记号")] string RegistrationNo,
    [property: ExcelColumnName("合同类型")] string Type,
    [property: ExcelColumnName("成交额（万元）")] decimal AmountWan,
    [property: ExcelColumnName("签订日期")] DateTime SignedOn,
    [property: ExcelColumnName("卖方")] string SellerName,
    [property: ExcelColumnName("卖方统一社会信用代码")] string? SellerCreditCode,
    [property: ExcelColumnName("买方")] string BuyerName,
    [property: ExcelColumnName("记录编号")] Guid Id)
{
    public static TechnologyContractSpreadsheetRow From(TechnologyContractResponse c) => new(
        c.RegistrationNo, ApiEnum.Name(c.Type), c.AmountWan, c.SignedOn.ToDateTime(TimeOnly.MinValue), c.SellerName,
        c.SellerCreditCode, c.BuyerName, c.Id);
}
