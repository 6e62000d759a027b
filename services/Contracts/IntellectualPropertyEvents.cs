// Integration events of the Intellectual Property service (知识产权与成果转化). Immutable: a breaking change is a new
// event type. Each event carries what its consumers need (type, township, business dates, the applicant's credit code),
// so no consumer calls back.
namespace CountyTech.Contracts.IntellectualProperty;

/// <summary>Kind of patent (专利类型): 发明, 实用新型, 外观设计.</summary>
public enum PatentType { Invention, UtilityModel, Design }

/// <summary>Kind of registered technology contract (技术合同类型): 技术开发, 技术转让, 技术咨询, 技术服务.</summary>
public enum TechnologyContractType { Development, Transfer, Consulting, Service }

/// <summary>Kind of registered S&amp;T achievement (科技成果类型): 应用技术, 基础理论, 软科学.</summary>
public enum AchievementType { Applied, Basic, SoftScience }

/// <summary>A patent application was filed (专利申请).</summary>
public sealed record PatentFiled(
    Guid PatentId, string ApplicationNo, string Title, PatentType Type, string ApplicantName, string? ApplicantCreditCode,
    string Township, DateOnly FiledOn);

/// <summary>A patent was granted (专利授权); <see cref="ApplicantCreditCode"/> names the enterprise that owns it, when given.</summary>
public sealed record PatentGranted(
    Guid PatentId, string ApplicationNo, PatentType Type, string ApplicantName, string? ApplicantCreditCode, string Township,
    DateOnly FiledOn, DateOnly GrantedOn);

/// <summary>A patent application was rejected (驳回).</summary>
public sealed record PatentRejected(Guid PatentId, string ApplicationNo, PatentType Type, string Township, DateOnly RejectedOn);

/// <summary>A granted patent lapsed (失效: expired, fees unpaid or abandoned).</summary>
public sealed record PatentLapsed(
    Guid PatentId, string ApplicationNo, PatentType Type, string? ApplicantCreditCode, string Township, DateOnly GrantedOn,
    DateOnly LapsedOn);

/// <summary>A technology contract was registered (技术合同登记) with its turnover in 万元.</summary>
public sealed record TechnologyContractRegistered(
    Guid ContractId, string RegistrationNo, TechnologyContractType Type, decimal AmountWan, DateOnly SignedOn, string SellerName,
    string? SellerCreditCode, string BuyerName);

/// <summary>An S&amp;T achievement was registered (科技成果登记).</summary>
public sealed record AchievementRegistered(
    Guid AchievementId, string RegistrationNo, string Title, AchievementType Type, DateOnly RegisteredOn, string HolderName);
