using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Tests;

public sealed class IndicatorCatalogTests
{
    [Fact]
    public void The_catalog_holds_the_indicators_of_this_scope_in_the_order_of_INDICATORS_md()
    {
        Assert.Equal(
            ["rd_expenditure", "rd_intensity", "fiscal_st_share", "upper_projects", "upper_funding", "county_projects",
             "projects_accepted", "varieties_introduced", "techniques_promoted"],
            IndicatorCatalog.All.Select(i => i.Definition.Code));
    }

    [Theory]
    [InlineData("rd_expenditure", "全社会R&D经费支出", "万元", IndicatorKind.Flow, false)]
    [InlineData("rd_intensity", "R&D经费投入强度", "%", IndicatorKind.Ratio, false)]
    [InlineData("fiscal_st_share", "财政科技支出占一般公共预算支出比重", "%", IndicatorKind.Ratio, false)]
    [InlineData("upper_projects", "争取上级科技项目数", "项", IndicatorKind.Flow, true)]
    [InlineData("upper_funding", "争取上级科技资金", "万元", IndicatorKind.Flow, true)]
    [InlineData("county_projects", "县级科技计划立项数", "项", IndicatorKind.Flow, true)]
    [InlineData("projects_accepted", "科技项目验收数", "项", IndicatorKind.Flow, true)]
    [InlineData("varieties_introduced", "引进新品种数", "个", IndicatorKind.Flow, true)]
    [InlineData("techniques_promoted", "推广先进适用技术数", "项", IndicatorKind.Flow, true)]
    public void Each_indicator_is_defined_as_INDICATORS_md_says(string code, string nameZh, string unit, IndicatorKind kind, bool byTownship)
    {
        var indicator = IndicatorCatalog.Find(code);

        Assert.NotNull(indicator);
        Assert.Equal((nameZh, unit, kind), (indicator.Definition.NameZh, indicator.Definition.Unit, indicator.Definition.Kind));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.NameEn));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.Formula));
        Assert.Equal(byTownship, indicator.Query is ITownshipIndicatorQuery);
    }

    [Fact]
    public void An_unknown_code_is_not_found() => Assert.Null(IndicatorCatalog.Find("RD_INTENSITY"));

    [Fact]
    public void The_source_of_an_event_is_the_last_segment_of_its_contract_namespace_in_kebab_case()
    {
        Assert.Equal("projects", ReportedEvent.SourceOf(typeof(ProjectApproved)));
        Assert.Equal("intellectual-property", ReportedEvent.SourceOf(typeof(Contracts.IntellectualProperty.PatentFiledForTest)));
    }
}
