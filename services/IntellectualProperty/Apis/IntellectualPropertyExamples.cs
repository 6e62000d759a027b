using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>
/// The examples of the Intellectual Property document (示例), all in one place: a county tea company's utility model from
/// filing to grant, its development contract with a university, and an achievement of the county's agricultural centre.
/// </summary>
internal static class IntellectualPropertyExamples
{
    private const string ApplicantName = "青川县七佛贡茶有限责任公司";
    private const string ApplicantCreditCode = "91510822MA6B7Q3K2H";
    private const string Township = "木鱼镇";

    private static readonly PatentResponse Patent = new(
        Guid.Parse("0193c2e1-5d7f-7194-b062-9d0e1f203142"), "202420153068.2", "一种茶叶杀青理条一体机", PatentType.UtilityModel, ApplicantName,
        ApplicantCreditCode, Township, PatentStatus.Granted, new DateOnly(2024, 6, 12), new DateOnly(2025, 1, 14), null, null,
        new DateTimeOffset(2024, 6, 13, 1, 20, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 15, 3, 5, 0, TimeSpan.Zero));

    private static readonly TechnologyContractResponse Contract = new(
        Guid.Parse("0193c2e1-6e80-72a5-8173-ae1f20314253"), "2025510822000137", TechnologyContractType.Development, 35m,
        new DateOnly(2025, 3, 18), "四川农业大学", "12510000452750063T", ApplicantName,
        new DateTimeOffset(2025, 3, 25, 6, 30, 0, TimeSpan.Zero));

    private static readonly AchievementResponse Achievement = new(
        Guid.Parse("0193c2e1-7f91-73b6-9284-bf2031425364"), "9512025Y0387", "青川黑木耳林下仿野生栽培技术集成与示范", AchievementType.Applied,
        new DateOnly(2025, 8, 22), "青川县农业技术推广中心", new DateTimeOffset(2025, 8, 26, 2, 0, 0, TimeSpan.Zero));

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(FilePatentRequest)] = new FilePatentRequest(
            Patent.ApplicationNo, Patent.Title, Patent.Type, ApplicantName, ApplicantCreditCode, Township, Patent.FiledOn),
        [typeof(GrantPatentRequest)] = new GrantPatentRequest(Patent.GrantedOn),
        [typeof(RejectPatentRequest)] = new RejectPatentRequest(new DateOnly(2025, 2, 10)),
        [typeof(LapsePatentRequest)] = new LapsePatentRequest(new DateOnly(2026, 6, 12)),
        [typeof(RegisterTechnologyContractRequest)] = new RegisterTechnologyContractRequest(
            Contract.RegistrationNo, Contract.Type, Contract.AmountWan, Contract.SignedOn, Contract.SellerName, Contract.SellerCreditCode,
            Contract.BuyerName),
        [typeof(RegisterAchievementRequest)] = new RegisterAchievementRequest(
            Achievement.RegistrationNo, Achievement.Title, Achievement.Type, Achievement.RegisteredOn, Achievement.HolderName),
        [typeof(PatentResponse)] = Patent,
        [typeof(TechnologyContractResponse)] = Contract,
        [typeof(AchievementResponse)] = Achievement,
        [typeof(PagedList<PatentResponse>)] = new PagedList<PatentResponse>([Patent], 1, 50, 1),
        [typeof(PagedList<TechnologyContractResponse>)] = new PagedList<TechnologyContractResponse>([Contract], 1, 50, 1),
        [typeof(PagedList<AchievementResponse>)] = new PagedList<AchievementResponse>([Achievement], 1, 50, 1),
    };
}
