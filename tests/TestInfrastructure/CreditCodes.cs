using CountyTech.BureauRules;

namespace CountyTech.Testing;

/// <summary>Credit codes for tests: fresh valid ones, so each test registers enterprises no other test has.</summary>
public static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A new 统一社会信用代码 of a company (91…) whose check character is right: the one of 31 that passes.</summary>
    public static string NewValid()
    {
        var body = "91" + string.Concat(Enumerable.Range(0, 15).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        return Alphabet.Select(check => body + check).Single(CreditCode.IsValid);
    }
}
