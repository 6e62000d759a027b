using System.Text.Json;
using System.Text.Json.Serialization;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Reads every JSON string of a request through <see cref="ControlCharacters"/>: a string holding one is a
/// <see cref="ControlCharacterException"/>, which the problem details answer as 400 naming the field.
/// </summary>
public sealed class ControlCharacterStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            // No message: System.Text.Json words it and adds the path, like its own type errors.
            throw new JsonException();
        }

        var text = reader.GetString()!;
        return ControlCharacters.AreIn(text) ? throw new ControlCharacterException() : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string held a control character; System.Text.Json adds the path of the field.</summary>
public sealed class ControlCharacterException : JsonException
{
    public ControlCharacterException()
        : base("A string holds a control character.")
    {
    }
}
