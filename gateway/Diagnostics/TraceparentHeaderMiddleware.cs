using System.Diagnostics;

namespace CountyTech.Gateway.Diagnostics;

/// <summary>
/// Puts the W3C <c>traceparent</c> of the request's trace on every response, so a caller can hand ops the trace
/// (调用链) of any answer, successful or not. The value is the same trace as the <c>traceId</c> of problem details.
/// </summary>
internal sealed class TraceparentHeaderMiddleware(RequestDelegate next)
{
    public const string HeaderName = "traceparent";

    public Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        if (activity is not null)
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = Format(activity);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    internal static string Format(Activity activity)
    {
        var flags = activity.ActivityTraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00";
        return $"00-{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}-{flags}";
    }
}
