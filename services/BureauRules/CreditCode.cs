namespace CountyTech.BureauRules;

/// <summary>
/// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the 31-character alphabet
/// 0-9 A-H J-N P-R T-U W-Y, the last a check character computed from the first 17 with weights 3^i mod 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != Length)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31] == code[Length - 1];
    }
}
