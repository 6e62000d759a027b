using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.IntegrationEvents;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

public sealed class IndicatorCatalogTests
{
    /// <summary>The catalog of the areas the service registers.</summary>
    private static readonly IndicatorCatalog IndicatorCatalog =
        new ReportingAreas(new ReportedEvents(new ServiceCollection())).AddEveryArea().Catalog();

    [Fact]
    public void The_catalog_holds_every_indicator_of_INDICATORS_md_in_its_order()
    {
        Assert.Equal(31, IndicatorsMd.Rows.Count);
        Assert.Equal(IndicatorsMd.Codes, IndicatorCatalog.All.Select(i => i.Definition.Code));
    }

    [Theory]
    [MemberData(nameof(IndicatorsMd.EveryCode), MemberType = typeof(IndicatorsMd))]
    public void Each_indicator_is_defined_as_INDICATORS_md_says(string code)
    {
        var expected = IndicatorsMd.Of(code);
        var indicator = IndicatorCatalog.Find(code);

        Assert.NotNull(indicator);
        Assert.Equal(
            (expected.NameZh, expected.Unit, expected.Kind), (indicator.Definition.NameZh, indicator.Definition.Unit, indicator.Definition.Kind));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.NameEn));
        Assert.False(string.IsNullOrWhiteSpace(indicator.Definition.Formula));
        Assert.Equal(expected.ByTownship, indicator.Townships is not null);
    }

    [Fact]
    public void An_unknown_code_is_not_found() => Assert.Null(IndicatorCatalog.Find("RD_INTENSITY"));

    [Fact]
    public void The_source_of_an_event_is_the_last_segment_of_its_contract_namespace_in_kebab_case()
    {
        Assert.Equal("projects", ReportedEvent.SourceOf(typeof(ProjectApproved)));
        Assert.Equal("intellectual-property", ReportedEvent.SourceOf(typeof(PatentFiled)));
    }
}
