using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// A request field the validation lets the caller leave out (or send as <c>null</c>): documented as optional and
/// nullable. Every other request field is documented as required and not nullable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class OptionalFieldAttribute : Attribute;

/// <summary>The scope an operation needs at the gateway (API.md's scope table).</summary>
public sealed record RequiredScope(string Scope);

/// <summary>An area whose operations need <c>&lt;area&gt;:read</c> to read and <c>&lt;area&gt;:write</c> for anything else.</summary>
public sealed record AreaScopes(string Area)
{
    public string For(string method) => Area + (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? ":read" : ":write");
}

/// <summary>A tag of the OpenAPI document and what its operations are about.</summary>
public sealed record ApiTag(string Name, string Description);

/// <summary>The per-operation facts of the OpenAPI document that sit next to each endpoint.</summary>
public static class ApiContract
{
    /// <summary>Tags the group's operations and describes the tag.</summary>
    public static RouteGroupBuilder WithApiTag(this RouteGroupBuilder group, string name, string description) =>
        group.WithTags(name).WithMetadata(new ApiTag(name, description));

    /// <summary>Every operation of the group needs the area's read scope to read, its write scope for anything else.</summary>
    public static RouteGroupBuilder WithAreaScopes(this RouteGroupBuilder group, string area) =>
        group.WithMetadata(new AreaScopes(area));

    /// <summary>The operation needs a scope of its own (<c>projects:review</c>, <c>admin</c>) rather than the area's.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>The operation answers 404 for an unknown id.</summary>
    public static RouteHandlerBuilder AnswersNotFound(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The operation answers 409 for a duplicate natural key or an illegal state transition.</summary>
    public static RouteHandlerBuilder AnswersConflict(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict);
}
