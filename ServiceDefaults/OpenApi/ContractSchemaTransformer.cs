using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using CountyTech.BureauRules;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Makes the schemas say what the API does. Request bodies: a field is required unless it is an
/// <see cref="OptionalFieldAttribute"/> (their C# properties are all nullable only so that a missing field is reported
/// by name), optional fields are nullable, enums are plain references; amounts, areas and years carry the bounds of
/// <see cref="BureauRules"/>. Responses: every property is present, nullable where its C# type is. Everywhere: decimals
/// are numbers, integers are integers (not also strings), enums are strings, and strings read through a custom
/// converter are strings.
/// </summary>
internal sealed class ContractSchemaTransformer(IEnumerable<ApiExamples> registered) : IOpenApiSchemaTransformer
{
    private readonly Dictionary<Type, object> examples = registered.SelectMany(e => e.ByType).ToDictionary();
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var nullFlag = schema.Type & JsonSchemaType.Null;
        // A type the generator left out (a custom converter reads it), or wrote as the converter does not (enums
        // as numbers, integers as strings too): the one the API's JSON has.
        if (JsonTypeOf(type) is { } jsonType && (type != typeof(string) || ((schema.Type ?? 0) & ~JsonSchemaType.Null) == 0))
        {
            schema.Type = jsonType | (nullFlag ?? 0);
            if (type == typeof(decimal))
            {
                schema.Format = "decimal";
            }

            if (jsonType == JsonSchemaType.Integer)
            {
                schema.Pattern = null;
            }
        }
        else if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: var element } && element == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        if (typeof(ProblemDetails).IsAssignableFrom(type) && schema.Properties is not null)
        {
            schema.Properties[TraceIdField] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The trace of the request, for operations to find it",
            };
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            DescribeProperties(schema, context.JsonTypeInfo, isRequest: false);
            if (examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                schema.Examples = [System.Text.Json.JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Options)!];
            }
        }

        return Task.CompletedTask;
    }

    private const string TraceIdField = "traceId";

    /// <summary>The JSON type the API's converters write a value of <paramref name="type"/> as (enums by kebab-case name); null for the others.</summary>
    private static JsonSchemaType? JsonTypeOf(Type type) =>
        type == typeof(string) || type.IsEnum ? JsonSchemaType.String
        : type == typeof(decimal) ? JsonSchemaType.Number
        : type == typeof(int) || type == typeof(long) ? JsonSchemaType.Integer
        : null;

    /// <summary>
    /// Required, nullable and bounded as <see cref="ContractSchemaTransformer"/> says, for a response type or (when
    /// <paramref name="isRequest"/>) a request body.
    /// </summary>
    internal static void DescribeProperties(OpenApiSchema schema, JsonTypeInfo type, bool isRequest)
    {
        schema.Required = schema.Properties!.ContainsKey(TraceIdField) ? new HashSet<string> { TraceIdField } : new HashSet<string>();
        foreach (var property in type.Properties)
        {
            if (!schema.Properties!.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var optional = isRequest ? IsOptional(property) : IsOmittedWhenNull(property);
            var nullable = isRequest ? optional : IsNullable(property);
            schema.Properties[property.Name] = WithNullability(propertySchema, property.PropertyType, nullable);
            if (!optional)
            {
                schema.Required.Add(property.Name);
            }

            if (isRequest && schema.Properties[property.Name] is OpenApiSchema bounded)
            {
                Bound(bounded, property.Name);
            }
        }
    }

    /// <summary>The bounds BureauRules sets, by the bureau's field names: amounts in 万元, areas in 亩, years.</summary>
    internal static void Bound(OpenApiSchema schema, string name)
    {
        if (name.EndsWith("Wan", StringComparison.Ordinal))
        {
            (schema.Minimum, schema.Maximum) = ("0", Amounts.MaxWan.ToString(CultureInfo.InvariantCulture));
        }
        else if (name.EndsWith("Mu", StringComparison.Ordinal))
        {
            (schema.Minimum, schema.Maximum) = ("0", Amounts.MaxMu.ToString(CultureInfo.InvariantCulture));
        }
        else if (name is "year" or "from" or "to" && (schema.Type & JsonSchemaType.Integer) != 0)
        {
            (schema.Minimum, schema.Maximum) = (BusinessDates.FirstYear.ToString(CultureInfo.InvariantCulture),
                BusinessDates.LastYear.ToString(CultureInfo.InvariantCulture));
        }
        else if (name == "page")
        {
            (schema.Minimum, schema.Maximum) = ("1", PageRequest.MaxNumber.ToString(CultureInfo.InvariantCulture));
        }
        else if (name == "pageSize")
        {
            (schema.Minimum, schema.Maximum) = ("1", PageRequest.MaxSize.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static bool IsOmittedWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().Any(a => a.Condition != JsonIgnoreCondition.Never) == true;

    private static bool IsOptional(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(OptionalFieldAttribute), inherit: true) == true
        || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(OptionalFieldAttribute), inherit: true) == true;

    private static bool IsNullable(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo info
            && new NullabilityInfoContext().Create(info).ReadState == NullabilityState.Nullable);

    /// <summary>
    /// The property's schema, nullable or not: <c>null</c> added to or taken from its type, and an enum's
    /// <c>oneOf [null, $ref]</c> reduced to the plain <c>$ref</c> where null is not an answer. A copy: the generator
    /// shares one schema object between properties of the same type, which may differ in nullability and bounds. A
    /// schema of any value (no type) already takes null; one untyped where a custom converter reads it is typed here first.
    /// </summary>
    private static IOpenApiSchema WithNullability(IOpenApiSchema schema, Type propertyType, bool nullable)
    {
        if (schema is not OpenApiSchema shared)
        {
            return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] } : schema;
        }

        var inline = (OpenApiSchema)shared.CreateShallowCopy();
        var underlying = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (inline.Type is null && JsonTypeOf(underlying) is { } known)
        {
            inline.Type = known;
        }

        if (inline.Type is null && (underlying == typeof(System.Text.Json.JsonElement) || underlying == typeof(object)))
        {
            return inline;
        }

        var alternatives = inline.OneOf ?? inline.AnyOf;
        if (alternatives is { Count: 2 } && alternatives.FirstOrDefault(a => a.Type == JsonSchemaType.Null) is { } none)
        {
            return nullable ? inline : alternatives.Single(a => !ReferenceEquals(a, none));
        }

        if (nullable)
        {
            inline.Type = (inline.Type ?? 0) | JsonSchemaType.Null;
        }
        else if (inline.Type is { } type)
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }

        return inline;
    }
}
