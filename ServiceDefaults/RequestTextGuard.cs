using CountyTech.BureauRules;
using Microsoft.AspNetCore.Http;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Refuses a request whose path or query holds a control character (<see cref="ControlCharacters"/>) with 400 naming
/// the query parameter (or <c>path</c>) before anything reads it: a filter with U+0000 would otherwise fail in the
/// database. JSON bodies are checked field by field by <see cref="ControlCharacterStringConverter"/>.
/// </summary>
internal sealed class RequestTextGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var errors = new ValidationErrors();
        if (ControlCharacters.AreIn(context.Request.Path.Value))
        {
            errors.Add("path", ControlCharacters.Message("path"));
        }

        foreach (var (name, values) in context.Request.Query)
        {
            var field = ControlCharacters.AreIn(name) ? "query" : name;
            if (field == "query" || values.Any(value => ControlCharacters.AreIn(value)))
            {
                errors.Add(field, ControlCharacters.Message(field));
            }
        }

        return errors.IsValid ? next(context) : errors.ToProblem().ExecuteAsync(context);
    }
}
