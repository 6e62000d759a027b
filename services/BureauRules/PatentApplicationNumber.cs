namespace CountyTech.BureauRules;

/// <summary>
/// A CN patent application number (专利申请号, CNIPA format since 2003-10-01): <c>YYYYTNNNNNNN.C</c> — the year of
/// filing, the type digit T (1 invention, 2 utility model, 3 design, 8 invention and 9 utility model entering China
/// through the PCT), a 7-digit serial, a dot, and the check character: the 12 digits weighted 2,3,4,5,6,7,8,9,2,3,4,5,
/// the sum modulo 11, 10 written <c>X</c> (201710601862.3 is the published example).
/// </summary>
public static class PatentApplicationNumber
{
    public const int Length = 14;
    private const int Digits = 12;
    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    /// <summary>The number as stored: trimmed, <c>x</c> as <c>X</c>.</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    /// <summary>Whether <paramref name="number"/> has the shape: 12 digits, a dot, then a digit or <c>X</c>.</summary>
    public static bool IsWellFormed(string? number) =>
        number is { Length: Length } &&
        number.AsSpan(0, Digits).IndexOfAnyExceptInRange('0', '9') < 0 &&
        number[Digits] == '.' &&
        (char.IsAsciiDigit(number[Length - 1]) || number[Length - 1] == 'X');

    /// <summary>The check character the first 12 digits call for.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < Digits; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>Whether a well-formed number ends with the check character its digits call for.</summary>
    public static bool HasValidCheckCharacter(string number) => CheckCharacter(number.AsSpan(0, Digits)) == number[Length - 1];

    /// <summary>The type digit T (申请种类) of a well-formed number.</summary>
    public static char TypeDigit(string number) => number[4];
}
