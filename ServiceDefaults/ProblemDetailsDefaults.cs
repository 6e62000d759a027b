using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CountyTech.BureauRules;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// RFC 9457 problem details for every error, each carrying the <c>traceId</c> ops search for.
/// Malformed bodies are 400 (or 413 when too large), never 500.
/// </summary>
public static partial class ProblemDetailsDefaults
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = TraceIdOf(context.HttpContext);
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ConflictExceptionHandler>();
        services.AddExceptionHandler<FieldRuleExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        return services;
    }

    public static string TraceIdOf(HttpContext context) =>
        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>
    /// Turns a request the framework could not read (bad JSON, wrong types, a missing body, a query value of the wrong
    /// type, too large) into a problem worded for the caller: the field in <c>errors</c>, never a .NET type name.
    /// </summary>
    private sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
        : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            logger.LogInformation("Rejected unreadable request to {Path}: {Reason}", httpContext.Request.Path, bad.Message);
            httpContext.Response.StatusCode = bad.StatusCode;
            var (title, detail, field, message) = Describe(bad);
            var problem = new ProblemDetails { Status = bad.StatusCode, Title = title, Detail = detail };
            if (field is not null)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message!] };
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
        }

        private static (string Title, string Detail, string? Field, string? Message) Describe(BadHttpRequestException bad)
        {
            if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return ("Request body too large", "The request body is larger than this service accepts.", null, null);
            }

            if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            {
                return ("Unsupported media type", "Send the request body as application/json.", null, null);
            }

            if (bad.InnerException is JsonException json)
            {
                var field = FieldOf(json);
                return json switch
                {
                    ControlCharacterException when field is not null =>
                        ("Malformed request", "A text field holds a control character.", field, ControlCharacters.Message(field)),
                    // System.Text.Json's own reader errors (syntax, a body cut short) come wrapped around a JsonException.
                    _ when json.InnerException is JsonException || field is null =>
                        ("Malformed request", "The request body is not valid JSON.", Body, "The body is not valid JSON: it is cut short or has a syntax error."),
                    _ => ("Malformed request", $"{field} could not be read; see errors.", field, $"{field} has a value of the wrong type or an unknown name."),
                };
            }

            var parameter = ParameterPattern().Match(bad.Message);
            // Parameters bound from the query are named as API.md spells query values (AsParameters' Page → page).
            var name = parameter.Success ? JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value) : null;
            if (name is null || bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            {
                return ("Malformed request", "A JSON request body is required.", Body, "A JSON body is required.");
            }

            return bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? ("Malformed request", $"{name} is required.", name, $"{name} is required.")
                : ("Malformed request", $"{name} has a value that is not valid.", name, $"{name} has a value that is not valid.");
        }

        /// <summary>The parameter named in ASP.NET Core's binding messages: <c>parameter "int? page"</c> → <c>page</c>.</summary>
        [GeneratedRegex(@"parameter ""(?:[^""]*\s)?(?<name>[^""\s]+)""")]
        private static partial Regex ParameterPattern();
    }

    /// <summary>The name under which errors of the request body as a whole are reported.</summary>
    private const string Body = "body";

    /// <summary>The field a JSON error points at (<c>$.level</c> → <c>level</c>), when it names one.</summary>
    private static string? FieldOf(JsonException? error) =>
        error?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    /// <summary>A value that does not fit its record (<see cref="FieldRuleViolationException"/>) is 400 naming the field.</summary>
    private sealed class FieldRuleExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not FieldRuleViolationException invalid)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request is not valid",
                },
            });
        }
    }

    /// <summary>A broken state rule, a duplicate natural key or a lost concurrent update is 409, whichever layer noticed it.</summary>
    private sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var detail = exception switch
            {
                RuleViolationException rule => rule.Message,
                DbUpdateConcurrencyException => "The record was changed by another request at the same time; read it again and retry.",
                DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                    "A record with the same identifying number already exists.",
                _ => null,
            };
            if (detail is null)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status409Conflict, Title = "Conflict with the current state", Detail = detail },
            });
        }
    }

    /// <summary>
    /// A database or broker that stays unreachable after the retries (restarting, connections cut) is 503 with
    /// <c>Retry-After</c>: the request changed nothing and can be sent again, which a 500 would not tell the caller.
    /// </summary>
    private sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger)
        : IExceptionHandler
    {
        public const int RetryAfterSeconds = 5;

        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!TransientFailures.IsTransient(exception))
            {
                return false;
            }

            logger.LogWarning(exception, "A dependency is unavailable; {Path} answered 503", httpContext.Request.Path);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service temporarily unavailable",
                    Detail = $"A database or message broker the service needs is not reachable just now; nothing was changed. Retry in {RetryAfterSeconds} seconds.",
                },
            });
        }
    }
}
