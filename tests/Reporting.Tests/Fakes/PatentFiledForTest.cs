// A contract of an area that does not publish yet, to check how sources are named.
namespace CountyTech.Contracts.IntellectualProperty;

public sealed record PatentFiledForTest(Guid PatentId);
