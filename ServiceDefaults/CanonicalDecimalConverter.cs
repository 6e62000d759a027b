using System.Text.Json;
using System.Text.Json.Serialization;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Writes decimals without trailing zeros (<c>2</c>, not <c>2.0</c>; <c>1.25</c>, not <c>1.2500</c>): the same exact
/// value, so counts read as integers and sums as entered, whatever scale the SQL or the division left.
/// </summary>
public sealed class CanonicalDecimalConverter : JsonConverter<decimal>
{
    // Dividing by 1 at the largest scale drops trailing zeros and changes nothing else.
    private const decimal One = 1.0000000000000000000000000000m;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value / One);
}
