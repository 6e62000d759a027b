namespace CountyTech.Enterprises.Domain;

/// <summary>
/// An enterprise's figures of one year (企业年度主要指标): 营业收入, 研发费用 and 高新技术产品（服务）收入 in 万元, 从业人员 and
/// 科技人员 as head counts. Checked on input: tech staff never above employees, high-tech revenue never above revenue.
/// </summary>
public sealed record AnnualFigures(decimal RevenueWan, decimal RdExpenseWan, int Employees, int TechStaff, decimal HighTechRevenueWan);
