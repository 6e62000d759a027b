using System.Text.Json;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Tests;

public sealed class CanonicalDecimalConverterTests
{
    private static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    [Theory]
    [InlineData("2.0", "2")]
    [InlineData("1.2500", "1.25")]
    [InlineData("150.75", "150.75")]
    [InlineData("0.00", "0")]
    [InlineData("-25.000", "-25")]
    [InlineData("1385600.50", "1385600.5")]
    [InlineData("0.0000000000000000000000000010", "0.000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Decimals_are_written_exactly_without_trailing_zeros(string value, string json)
    {
        var written = JsonSerializer.Serialize<decimal?>(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Json);

        Assert.Equal(json, written);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Deserialize<decimal>(written, Json));
    }

    [Fact]
    public void A_missing_value_stays_null() => Assert.Equal("null", JsonSerializer.Serialize<decimal?>(null, Json));
}
