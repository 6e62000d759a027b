namespace CountyTech.Reporting.Tests;

/// <summary>
/// The golden scenario of the annual report: a county's year <see cref="Year"/> and the year before, with known
/// numbers from all four areas (the events of <see cref="ProjectHistory"/>, <see cref="EnterpriseHistory"/>,
/// <see cref="TalentHistory"/> and <see cref="IntellectualPropertyHistory"/> through the broker, the statistics and
/// finance bureaus' baselines over the API), and the sentences, table rows and chart values the report must carry, exactly
/// where its template puts them.
/// </summary>
public static class CountyScenario
{
    public const int Year = 2009;

    /// <summary>The baselines of <see cref="Year"/> and the year before, as entered.</summary>
    public static readonly IReadOnlyList<(int Year, decimal GdpWan, int Population, decimal BudgetWan, decimal ScienceWan, decimal RdWan)> Baselines =
    [
        (Year, 1_250_000m, IntellectualPropertyHistory.Population, 360_000m, 9_000m, 18_750m),
        (Year - 1, 1_200_000m, IntellectualPropertyHistory.PopulationBefore, 350_000m, 7_000m, 15_000m),
    ];

    /// <summary>Sentences of the report, each where the template puts it, with every figure filled in.</summary>
    public static readonly IReadOnlyList<string> Sentences =
    [
        $"{Year}年县科技创新工作汇报",
        $"{Year}年，全县全社会R&D经费支出18750万元，同比增长25.00%。",
        $"{Year}年，全县争取上级科技项目2项，同比增长100.00%，争取上级科技资金150.75万元，同比增长201.50%；"
            + "县级科技计划立项1项，与上年持平；2项科技项目通过验收。",
        "以发展富民特色产业为目标，全年引进新品种2个，推广应用先进适用技术1项。",
        $"截至{Year}年底，全县有效高新技术企业2家，同比下降50.00%，其中当年新认定2家；科技型中小企业入库3家，同比增长200.00%；企业研发机构达到3个。",
        "全年企事业单位与高等院校（科研院所）签订产学研合作项目2项，同比增长100.00%，积极拓展合作领域",
        "规上企业研发经费占营业收入比重仅为3.00%，拥有自主研发中心的企业较少。",
        "全年柔性引进省内外高校、科研院所专家人才2名在我县开展科技服务工作。把科技特派员作为乡村振兴的关键环节和重要抓手，"
            + "全年选派科技特派员3名，年末在岗科技特派员5名，深入农村一线",
        "累计认定科技示范基地2个、科技示范户4户。全年举办各类科技培训班3期，培训120人次，同比增长20.00%。",
        $"{Year}年科技特派员年流失率为50.00%，科技人才普遍呈现服务年限短、流动性大问题。",
        $"{Year}年，全县专利申请量5件，同比增长150.00%，其中发明专利3件；专利授权量4件，同比增长300.00%，其中发明专利2件；"
            + "每万人口发明专利拥有量0.05件/万人。全年登记技术合同3项，成交额140.26万元，同比增长180.52%；登记科技成果2项。",
        $"二是科技研发投入偏低。{Year}年全县R&D经费投入强度为1.50%（上年为1.25%），总量偏低；财政科技支出占一般公共预算支出比重为2.50%，",
    ];

    /// <summary>Rows of the appendix table: 指标, 单位, this year, the year before, 同比.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> TableRows =
    [
        ["全社会R&D经费支出", "万元", "18750", "15000", "25.00%"],
        ["R&D经费投入强度", "%", "1.50", "1.25", "20.00%"],
        ["财政科技支出占一般公共预算支出比重", "%", "2.50", "2.00", "25.00%"],
        ["规上企业研发经费占营业收入比重", "%", "3.00", "2.50", "20.00%"],
        ["有效高新技术企业数", "家", "2", "4", "-50.00%"],
        ["当年认定高新技术企业数", "家", "2", "2", "0.00%"],
        ["科技型中小企业入库数", "家", "3", "1", "200.00%"],
        ["企业研发机构数", "个", "3", "1", "200.00%"],
        ["产学研合作项目数", "项", "2", "1", "100.00%"],
        ["争取上级科技项目数", "项", "2", "1", "100.00%"],
        ["争取上级科技资金", "万元", "150.75", "50", "201.50%"],
        ["县级科技计划立项数", "项", "1", "1", "0.00%"],
        ["科技项目验收数", "项", "2", "0", "—"],
        ["引进新品种数", "个", "2", "0", "—"],
        ["推广先进适用技术数", "项", "1", "1", "0.00%"],
        ["柔性引进专家人才数", "名", "2", "1", "100.00%"],
        ["选派科技特派员数", "名", "3", "4", "-25.00%"],
        ["在岗科技特派员数", "名", "5", "4", "25.00%"],
        ["科技特派员年流失率", "%", "50.00", "100.00", "-50.00%"],
        ["科技示范基地数", "个", "2", "1", "100.00%"],
        ["科技示范户数", "户", "4", "2", "100.00%"],
        ["科技培训期数", "期", "3", "4", "-25.00%"],
        ["科技培训人次", "人次", "120", "100", "20.00%"],
        ["专利申请量", "件", "5", "2", "150.00%"],
        ["发明专利申请量", "件", "3", "2", "50.00%"],
        ["专利授权量", "件", "4", "1", "300.00%"],
        ["发明专利授权量", "件", "2", "1", "100.00%"],
        ["每万人口发明专利拥有量", "件/万人", "0.05", "0.02", "150.00%"],
        ["技术合同登记数", "项", "3", "1", "200.00%"],
        ["技术合同成交额", "万元", "140.26", "50", "180.52%"],
        ["科技成果登记数", "项", "2", "1", "100.00%"],
    ];

    /// <summary>
    /// Everything the scenario's sources publish and enter, in <paramref name="township"/>: the events of the four areas
    /// through the broker, then the baselines.
    /// </summary>
    public static async Task EnterAsync(ReportingServiceTest test, ReportingServiceFactory service, string township)
    {
        await service.DeliverAsync([.. ProjectHistory.Of(Year, township), .. EnterpriseHistory.Of(Year, township), .. TalentHistory.Of(Year, township),
            .. IntellectualPropertyHistory.Of(Year, township)]);
        foreach (var b in Baselines)
        {
            await test.PutBaselineAsync(b.Year, b.GdpWan, b.Population, b.BudgetWan, b.ScienceWan, b.RdWan);
        }
    }
}
