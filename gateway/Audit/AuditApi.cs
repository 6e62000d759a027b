using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CountyTech.BureauRules;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace CountyTech.Gateway.Audit;

/// <summary>An audit entry as the administrator reads it (API.md "Audit"); the changes as the JSON they were recorded in.</summary>
internal sealed record AuditEntryResponse(
    DateTimeOffset At, string ClientId, string? ClientName, string Method, string Path, string? ResourceId, int? Status, string TraceId,
    bool Replayed, [property: JsonIgnore] string? ChangesJson)
{
    /// <summary>The figures the write changed, old and new; null where the service reported none.</summary>
    public JsonElement? Changes => ChangesJson is null ? null : JsonDocument.Parse(ChangesJson).RootElement.Clone();
}

/// <summary>An audit entry as a row of the .xlsx download (审计日志), under the bureau's column names.</summary>
internal sealed record AuditSpreadsheetRow(
    [property: ExcelColumnName("时间（UTC）")] DateTime At,
    [property: ExcelColumnName("接入方标识")] string ClientId,
    [property: ExcelColumnName("接入方名称")] string? ClientName,
    [property: ExcelColumnName("方法")] string Method,
    [property: ExcelColumnName("路径")] string Path,
    [property: ExcelColumnName("对象标识")] string? ResourceId,
    [property: ExcelColumnName("状态码")] int? Status,
    [property: ExcelColumnName("重放")] bool Replayed,
    [property: ExcelColumnName("变更内容")] string? Changes,
    [property: ExcelColumnName("调用链标识")] string TraceId)
{
    public static AuditSpreadsheetRow From(AuditEntryResponse e) => new(
        e.At.UtcDateTime, e.ClientId, e.ClientName, e.Method, e.Path, e.ResourceId, e.Status, e.Replayed, e.ChangesJson, e.TraceId);
}

/// <summary>
/// The audit trail (审计日志) for administrators: <c>GET /api/v1/admin/audit?client=&amp;from=&amp;to=&amp;resource=</c>,
/// newest first. Read only: nothing in the API changes or deletes an entry; they leave by the configured retention.
/// </summary>
internal static class AuditApi
{
    public const string BasePath = "/api/v1/admin/audit";

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGroup(BasePath).WithApiTag("Audit", "审计日志 · Every write through the platform; read only")
            .MapGet("", ListAudit).WithName(nameof(ListAudit)).RequireAuthorization(ScopePolicies.Admin).RequireScope(Scopes.Admin)
            .WithSummary("审计日志 · Every write through the platform, newest first");
        return app;
    }

    /// <summary>
    /// Entries filtered by client id (<c>key:…</c>, <c>jwt:…</c>, <c>bootstrap</c>, or a registered client's bare id),
    /// time (<c>from</c>/<c>to</c>: an ISO 8601 time, or a date, which counts as the whole day in the bureau's calendar),
    /// and resource id.
    /// </summary>
    public static async Task<Results<Ok<PagedList<AuditEntryResponse>>, FileContentHttpResult, ValidationProblem>> ListAudit(
        string? client, string? from, string? to, string? resource, int? page, int? pageSize, HttpRequest request, GatewayDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var since = Moment(from, "from", endOfDay: false, errors);
        var until = Moment(to, "to", endOfDay: true, errors);
        errors.Require(!(since > until), "to", "to must not be before from.");

        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(client))
        {
            var clientId = Guid.TryParse(client.Trim(), out var id) ? ClientIds.ForKey(id) : client.Trim();
            entries = entries.Where(e => e.ClientId == clientId);
        }

        if (!string.IsNullOrWhiteSpace(resource))
        {
            entries = entries.Where(e => e.ResourceId == resource.Trim());
        }

        if (since is { } first)
        {
            entries = entries.Where(e => e.At >= first);
        }

        if (until is { } last)
        {
            entries = entries.Where(e => e.At <= last);
        }

        return await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new AuditEntryResponse(e.At, e.ClientId, e.ClientName, e.Method, e.Path, e.ResourceId, e.Status, e.TraceId, e.Replayed,
                e.Changes))
            .ListAsync(request, page, pageSize, errors, AuditSpreadsheetRow.From, "审计日志.xlsx", cancellationToken);
    }

    private static DateTimeOffset? Moment(string? text, string field, bool endOfDay, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), BureauCalendar.Offset);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return moment;
        }

        errors.Add(field, $"{field} must be a date (YYYY-MM-DD) or an ISO 8601 time.");
        return null;
    }
}
