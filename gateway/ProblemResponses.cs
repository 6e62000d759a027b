namespace CountyTech.Gateway;

/// <summary>
/// Problem details written by the gateway's own middleware (401, 403, 409, 413, 429, 503…), through the same
/// <see cref="IProblemDetailsService"/> as every endpoint, so each carries its <c>traceId</c>.
/// </summary>
internal static class ProblemResponses
{
    public static ValueTask WriteProblemAsync(
        this HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (errors is not null)
        {
            problem.ProblemDetails.Extensions["errors"] = errors;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(problem);
    }
}
