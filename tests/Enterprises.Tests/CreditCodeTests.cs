using CountyTech.BureauRules;
using CountyTech.Testing;

namespace CountyTech.Enterprises.Tests;

/// <summary>The GB 32100-2015 check character of the 统一社会信用代码 (BureauRules.CreditCode).</summary>
public class CreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Codes as published in the national enterprise credit register, each checked by hand against the standard.</summary>
    public static TheoryData<string> Published =>
    [
        "91350100M000100Y43",
        "914403001922038216",
        "91330100799655058B",
        "9144030071526726XG",
        "91110108551385082Q",
        "91110000802100433B",
    ];

    [Theory]
    [MemberData(nameof(Published))]
    public void Published_codes_pass(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [MemberData(nameof(Published))]
    public void Every_single_character_corruption_of_a_published_code_fails(string code)
    {
        var corruptions = 0;
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in Alphabet.Concat("IOSVZa-"))
            {
                if (replacement == code[position])
                {
                    continue;
                }

                var corrupted = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
                Assert.False(CreditCode.IsValid(corrupted), $"{corrupted} (position {position + 1} changed) passed");
                corruptions++;
            }
        }

        Assert.Equal(18 * (Alphabet.Length - 1 + 7), corruptions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100m000100y43")]
    public void Codes_of_the_wrong_length_or_in_lower_case_fail(string? code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Swapping_two_neighbouring_characters_before_the_check_character_fails()
    {
        const string code = "914403001922038216";
        for (var position = 0; position < code.Length - 2; position++)
        {
            if (code[position] == code[position + 1])
            {
                continue;
            }

            var chars = code.ToCharArray();
            (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
            Assert.False(CreditCode.IsValid(new string(chars)), $"{new string(chars)} passed");
        }
    }

    [Fact]
    public void The_test_helper_makes_valid_codes() =>
        Assert.All(Enumerable.Range(0, 50).Select(_ => CreditCodes.NewValid()), code => Assert.True(CreditCode.IsValid(code)));
}
