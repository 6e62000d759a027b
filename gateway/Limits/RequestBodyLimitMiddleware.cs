using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// Refuses a request whose declared body is larger than <see cref="RequestLimitsOptions.MaxRequestBodyBytes"/>
/// with 413 problem details, before anything reads it. Bodies without a length are cut off by Kestrel at the same size.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > _limit)
        {
            await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body has {context.Request.ContentLength} bytes; at most {_limit} are accepted.");
            return;
        }

        await next(context);
    }
}
