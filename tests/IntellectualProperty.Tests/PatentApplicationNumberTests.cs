using CountyTech.BureauRules;

namespace CountyTech.IntellectualProperty.Tests;

public class PatentApplicationNumberTests
{
    private const string Published = "201710601862.3";

    [Fact]
    public void The_published_example_is_valid()
    {
        Assert.True(PatentApplicationNumber.IsWellFormed(Published));
        Assert.True(PatentApplicationNumber.HasValidCheckCharacter(Published));
        Assert.Equal('1', PatentApplicationNumber.TypeDigit(Published));
    }

    [Fact]
    public void A_remainder_of_ten_is_written_x()
    {
        // 2·2 + 2·4 + 3·5 + 1·6 + 2·5 = 43 = 3·11 + 10.
        Assert.Equal('X', PatentApplicationNumber.CheckCharacter("202310000002"));
        Assert.True(PatentApplicationNumber.HasValidCheckCharacter("202310000002.X"));
        Assert.Equal("202310000002.X", PatentApplicationNumber.Normalize(" 202310000002.x "));
    }

    [Fact]
    public void Every_single_digit_corruption_is_detected()
    {
        var corruptions = 0;
        for (var position = 0; position < 12; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != Published[position]))
            {
                var corrupted = string.Concat(Published.AsSpan(0, position), [digit], Published.AsSpan(position + 1));
                Assert.True(PatentApplicationNumber.IsWellFormed(corrupted), corrupted);
                Assert.False(PatentApplicationNumber.HasValidCheckCharacter(corrupted), corrupted);
                corruptions++;
            }
        }

        Assert.Equal(12 * 9, corruptions);
    }

    [Fact]
    public void Every_other_check_character_is_detected()
    {
        foreach (var check in "0123456789X".Where(c => c != '3'))
        {
            Assert.False(PatentApplicationNumber.HasValidCheckCharacter(Published[..13] + check), check.ToString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("201710601862")]
    [InlineData("201710601862-3")]
    [InlineData("20171060186.23")]
    [InlineData("2017106018623.")]
    [InlineData("201710601862.Y")]
    [InlineData("CN201710601862.3")]
    [InlineData("2O1710601862.3")]
    [InlineData("201710601862.x")]
    public void Numbers_of_another_shape_are_not_well_formed(string number)
    {
        Assert.False(PatentApplicationNumber.IsWellFormed(number));
    }
}
