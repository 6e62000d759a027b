using CountyTech.BureauRules;
using CountyTech.Testing;

namespace CountyTech.FaultCampaign;

/// <summary>
/// What the load writes: on each of the four write areas a record and a few POSTs on it, each with what it adds to the
/// indicators of <see cref="Year"/> once acknowledged (INDICATORS.md). The platform is private and empty, so the
/// indicators hold exactly what was acknowledged.
/// </summary>
internal static class WriteKinds
{
    public const int Year = 2025;

    /// <summary>The scopes a client needs for every write below and for reading the indicators.</summary>
    public static readonly string[] Scopes =
        ["projects:write", "projects:review", "enterprises:write", "talent:write", "ip:write", "reporting:read"];

    /// <summary>One scenario per area; a worker runs them in turn, <c>n</c> numbering its records.</summary>
    public static readonly Func<Writer, long, Task>[] Scenarios = [ProjectAsync, EnterpriseAsync, TalentAsync, IntellectualPropertyAsync];

    private static readonly Dictionary<string, decimal> Nothing = [];

    /// <summary>项目: submitted (no indicator), approved at county level, a new variety recorded.</summary>
    private static async Task ProjectAsync(Writer writer, long n)
    {
        var id = await writer.PostAsync("projects", "/api/v1/projects", new
        {
            title = $"故障演练项目 {n}", level = "county", field = "agriculture", leadOrganization = "县茶叶产业发展中心",
            township = "乔庄镇", plannedStart = "2025-03-01", plannedEnd = "2026-12-31", budgetWan = 45.5m,
        }, Nothing);
        if (id is null
            || await writer.PostAsync("project approvals", $"/api/v1/projects/{id}/approval",
                new { approvedOn = "2025-04-15", fundingWan = 30m }, Adds(("county_projects", 1))) is null)
        {
            return;
        }

        await writer.PostAsync("project outcomes", $"/api/v1/projects/{id}/outcomes",
            new { kind = "variety", name = $"高山茶新品种 {n}", recordedOn = "2025-10-09", demoAreaMu = 120m }, Adds(("varieties_introduced", 1)));
    }

    /// <summary>创新主体: registered (no indicator), a cooperation signed, an R&amp;D centre recognised.</summary>
    private static async Task EnterpriseAsync(Writer writer, long n)
    {
        var id = await writer.PostAsync("enterprises", "/api/v1/enterprises", new
        {
            creditCode = CreditCodes.NewValid(), name = $"青川县故障演练茶业有限公司{n}", industry = "农副产品加工", township = "木鱼镇",
            registeredOn = "2016-04-18", aboveDesignatedSize = true,
        }, Nothing);
        if (id is null
            || await writer.PostAsync("enterprise cooperations", $"/api/v1/enterprises/{id}/cooperations",
                new { partner = "四川农业大学", partnerKind = "university", signedOn = "2025-03-18", amountWan = 40m }, Adds(("cooperations", 1))) is null)
        {
            return;
        }

        await writer.PostAsync("enterprise R&D centres", $"/api/v1/enterprises/{id}/rd-centres",
            new { name = $"茶叶精深加工研究中心 {n}", level = "county", recognisedOn = "2025-09-26" }, Adds(("rd_centres", 1)));
    }

    /// <summary>人才: an expert introduced, a training held, a demonstration base certified.</summary>
    private static async Task TalentAsync(Writer writer, long n)
    {
        await writer.PostAsync("talent experts", "/api/v1/talent/experts", new
        {
            name = $"专家{n}", institution = "四川农业大学园艺学院", field = "茶树栽培与茶叶加工", introducedOn = "2025-04-08", agreementEnd = "2027-04-07",
        }, Adds(("experts_introduced", 1)));
        await writer.PostAsync("talent trainings", "/api/v1/talent/trainings", new
        {
            title = $"黑木耳林下栽培培训 {n}", township = "青溪镇", heldOn = "2025-03-12", sessions = 2, participants = 46,
        }, Adds(("training_sessions", 2), ("training_participants", 46)));
        await writer.PostAsync("talent demonstration bases", "/api/v1/talent/demonstration-bases", new
        {
            name = $"高山茶科技示范基地 {n}", township = "青溪镇", industry = "茶叶", areaMu = 320m, certifiedOn = "2025-06-18",
        }, Adds(("demo_bases", 1)));
    }

    /// <summary>知识产权: a utility-model patent filed, a technology contract and an achievement registered.</summary>
    private static async Task IntellectualPropertyAsync(Writer writer, long n)
    {
        var digits = $"{Year}2{n:D7}";
        await writer.PostAsync("ip patents", "/api/v1/ip/patents", new
        {
            applicationNo = $"{digits}.{PatentApplicationNumber.CheckCharacter(digits)}", title = $"一种茶叶杀青理条一体机 {n}",
            type = "utility-model", applicantName = "青川县七佛贡茶有限责任公司", township = "木鱼镇", filedOn = "2025-06-12",
        }, Adds(("patent_applications", 1)));
        await writer.PostAsync("ip technology contracts", "/api/v1/ip/technology-contracts", new
        {
            registrationNo = $"FC{n}", type = "development", amountWan = 12.5m, signedOn = "2025-03-18",
            sellerName = "四川农业大学", buyerName = "青川县七佛贡茶有限责任公司",
        }, Adds(("tech_contracts", 1), ("tech_contract_turnover", 12.5m)));
        await writer.PostAsync("ip achievements", "/api/v1/ip/achievements", new
        {
            registrationNo = $"FA{n}", title = $"黑木耳林下仿野生栽培技术 {n}", type = "applied", registeredOn = "2025-08-22",
            holderName = "青川县农业技术推广中心",
        }, Adds(("achievements_registered", 1)));
    }

    private static Dictionary<string, decimal> Adds(params (string Code, decimal Amount)[] amounts) =>
        amounts.ToDictionary(a => a.Code, a => a.Amount);
}
