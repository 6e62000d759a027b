using CountyTech.BureauRules;
using CountyTech.Talent.Domain;

namespace CountyTech.Talent.Apis;

/// <summary>
/// The examples of the Talent document (示例), all in one place: a tea expert introduced from a university, a commissioner
/// in a village of 青溪镇 with this year's service logs, the household paired with them, a demonstration base and a training.
/// </summary>
internal static class TalentExamples
{
    private static readonly Guid CommissionerId = Guid.Parse("0193d3f2-8a02-74c7-a395-c03142536475");
    private static readonly DateTimeOffset Dispatched = new(2025, 3, 10, 7, 30, 0, TimeSpan.Zero);

    private static readonly ExpertResponse Expert = new(
        Guid.Parse("0193d3f2-9b13-75d8-b4a6-d14253647586"), "李成华", "四川农业大学园艺学院", "茶树栽培与茶叶加工", new DateOnly(2025, 4, 8),
        new DateOnly(2027, 4, 7), new DateTimeOffset(2025, 4, 9, 2, 10, 0, TimeSpan.Zero));

    private static readonly ServiceLogResponse[] ServiceLogs =
    [
        new(Guid.Parse("0193d3f2-ac24-76e9-85b7-e25364758697"), new DateOnly(2026, 6, 30), 46, 210),
        new(Guid.Parse("0193d3f2-bd35-77fa-96c8-f364758697a8"), new DateOnly(2026, 11, 30), 52, 185),
    ];

    private static readonly CommissionerResponse Commissioner = new(
        CommissionerId, "王晓燕", "食用菌栽培", "青溪镇", "阴平村", "广元市农业科学研究院", new DateOnly(2025, 3, 10), CommissionerStatus.InPost,
        null, null, ServiceLogs.Sum(l => l.Days), ServiceLogs, Dispatched, new DateTimeOffset(2026, 12, 1, 1, 45, 0, TimeSpan.Zero));

    private static readonly CommissionerSummary CommissionerSummary = new(
        CommissionerId, Commissioner.Name, Commissioner.Specialty, Commissioner.Township, Commissioner.Village, Commissioner.DispatchingUnit,
        Commissioner.DispatchedOn, Commissioner.Status, null, Commissioner.DaysServedThisYear);

    private static readonly DemonstrationBaseResponse Base = new(
        Guid.Parse("0193d3f2-ce46-780b-a7d9-0475869708b9"), "青川县唐家河高山茶科技示范基地", "青溪镇", "茶叶", 320m, new DateOnly(2025, 6, 18),
        new DateTimeOffset(2025, 6, 19, 3, 0, 0, TimeSpan.Zero));

    private static readonly DemonstrationHouseholdResponse Household = new(
        Guid.Parse("0193d3f2-df57-791c-b8ea-15869708a9ca"), "赵德明", "青溪镇", new DateOnly(2025, 5, 20), 15, CommissionerId,
        new DateTimeOffset(2025, 5, 21, 1, 30, 0, TimeSpan.Zero));

    private static readonly TrainingResponse Training = new(
        Guid.Parse("0193d3f2-e068-7a2d-89fb-2697081ab0db"), "黑木耳林下栽培与病虫害绿色防控培训", "青溪镇", new DateOnly(2026, 3, 12), 2, 146,
        new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.Zero));

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(IntroduceExpertRequest)] = new IntroduceExpertRequest(Expert.Name, Expert.Institution, Expert.Field, Expert.IntroducedOn, Expert.AgreementEnd),
        [typeof(DispatchCommissionerRequest)] = new DispatchCommissionerRequest(
            Commissioner.Name, Commissioner.Specialty, Commissioner.Township, Commissioner.Village, Commissioner.DispatchingUnit,
            Commissioner.DispatchedOn),
        [typeof(LogServiceRequest)] = new LogServiceRequest(ServiceLogs[^1].ServedOn, ServiceLogs[^1].Days, ServiceLogs[^1].FarmersServed),
        [typeof(RecordDepartureRequest)] = new RecordDepartureRequest(new DateOnly(2026, 12, 1), "派出单位工作调整，召回原单位"),
        [typeof(CertifyDemonstrationBaseRequest)] = new CertifyDemonstrationBaseRequest(Base.Name, Base.Township, Base.Industry, Base.AreaMu, Base.CertifiedOn),
        [typeof(CertifyDemonstrationHouseholdRequest)] = new CertifyDemonstrationHouseholdRequest(
            Household.Name, Household.Township, Household.CertifiedOn, Household.HouseholdsReached, CommissionerId),
        [typeof(RecordTrainingRequest)] = new RecordTrainingRequest(Training.Title, Training.Township, Training.HeldOn, Training.Sessions, Training.Participants),
        [typeof(ExpertResponse)] = Expert,
        [typeof(CommissionerResponse)] = Commissioner,
        [typeof(ServiceLogResponse)] = ServiceLogs[0],
        [typeof(CommissionerSummary)] = CommissionerSummary,
        [typeof(DemonstrationBaseResponse)] = Base,
        [typeof(DemonstrationHouseholdResponse)] = Household,
        [typeof(TrainingResponse)] = Training,
        [typeof(PagedList<ExpertResponse>)] = new PagedList<ExpertResponse>([Expert], 1, 50, 1),
        [typeof(PagedList<CommissionerSummary>)] = new PagedList<CommissionerSummary>([CommissionerSummary], 1, 50, 1),
        [typeof(PagedList<DemonstrationBaseResponse>)] = new PagedList<DemonstrationBaseResponse>([Base], 1, 50, 1),
        [typeof(PagedList<DemonstrationHouseholdResponse>)] = new PagedList<DemonstrationHouseholdResponse>([Household], 1, 50, 1),
        [typeof(PagedList<TrainingResponse>)] = new PagedList<TrainingResponse>([Training], 1, 50, 1),
    };
}
