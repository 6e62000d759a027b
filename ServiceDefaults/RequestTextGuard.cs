using System.Text.Json;
using CountyTech.BureauRules;
using Microsoft.AspNetCore.Http;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Refuses a request whose path, query or JSON body holds a control character (<see cref="ControlCharacters"/>) with 400
/// naming the query parameter, the body field (<c>title</c>, <c>address.street</c>) or <c>path</c>, before anything
/// reads it: a value with U+0000 would otherwise fail in the database. A body that is not valid JSON is left to the
/// endpoint, which answers it 400 itself; <see cref="ControlCharacterStringConverter"/> checks strings again as they bind.
/// </summary>
internal sealed class RequestTextGuard(RequestDelegate next, bool checkBodies)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var errors = new ValidationErrors();
        if (ControlCharacters.AreIn(request.Path.Value))
        {
            errors.Add("path", ControlCharacters.Message("path"));
        }

        foreach (var (name, values) in request.Query)
        {
            var field = ControlCharacters.AreIn(name) ? "query" : name;
            if (field == "query" || values.Any(value => ControlCharacters.AreIn(value)))
            {
                errors.Add(field, ControlCharacters.Message(field));
            }
        }

        if (errors.IsValid && checkBodies && request.HasJsonContentType() && request.ContentLength is null or > 0)
        {
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            request.Body.Position = 0;
            if (FieldWithControlCharacters(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } field)
            {
                errors.Add(field, ControlCharacters.Message(field));
            }
        }

        if (errors.IsValid)
        {
            await next(context);
        }
        else
        {
            await errors.ToProblem().ExecuteAsync(context);
        }
    }

    /// <summary>The first field (dotted path of property names) whose string value holds a control character.</summary>
    private static string? FieldWithControlCharacters(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var path = new List<string>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        path.Add(property ?? string.Empty);
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case JsonTokenType.String when ControlCharacters.AreIn(reader.GetString()):
                        var field = string.Join('.', path.Append(property ?? string.Empty).Where(p => p.Length > 0));
                        return field.Length > 0 ? field : "body";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the endpoint's own reading says so.
        }

        return null;
    }
}
