using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Routing;

namespace CountyTech.Gateway.Tests;

public sealed class ScopeRulesTests
{
    [Theory]
    [InlineData("projects", "GET", "projects:read")]
    [InlineData("projects", "HEAD", "projects:read")]
    [InlineData("enterprises", "get", "enterprises:read")]
    [InlineData("talent", "POST", "talent:write")]
    [InlineData("ip", "PUT", "ip:write")]
    [InlineData("reporting", "PUT", "reporting:write")]
    [InlineData("reporting", "DELETE", "reporting:write")]
    [InlineData("projects", "PATCH", "projects:write")]
    [InlineData("projects", "OPTIONS", "projects:write")]
    [InlineData("admin", "GET", "admin")]
    [InlineData("admin", "DELETE", "admin")]
    public void The_method_decides_between_read_and_write(string area, string method, string required) =>
        Assert.Equal(required, Scopes.RequiredFor(area, method));

    [Theory]
    [InlineData("projects:read", "projects:read", true)]
    [InlineData("projects:write", "projects:read", false)]
    [InlineData("projects:read", "projects:write", false)]
    [InlineData("talent:write", "projects:write", false)]
    [InlineData("admin", "projects:write", true)]
    [InlineData("admin", "reporting:read", true)]
    [InlineData("admin", "admin", true)]
    [InlineData("projects:read reporting:write", "admin", false)]
    public void Admin_implies_every_scope_and_others_only_themselves(string granted, string required, bool allowed) =>
        Assert.Equal(allowed, Scopes.Grant(granted.Split(' '), required));

    [Fact]
    public void The_known_scopes_are_those_of_the_contract()
    {
        string[] contract =
        [
            "projects:read", "projects:write", "projects:review", "enterprises:read", "enterprises:write", "talent:read", "talent:write",
            "ip:read", "ip:write", "reporting:read", "reporting:write", "admin",
        ];

        Assert.Equal(contract.Order(StringComparer.Ordinal), Scopes.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_area_is_routed_to_its_service_under_its_own_scope_policy()
    {
        var routes = ProxyConfiguration.Routes();

        foreach (var (area, service) in new[] { ("projects", "projects"), ("enterprises", "enterprises"), ("talent", "talent"), ("ip", "ip"), ("reporting", "reporting") })
        {
            var route = Assert.Single(routes, r => r.RouteId == area);
            Assert.Equal($"/api/v1/{area}/{{**rest}}", route.Match.Path);
            Assert.Equal(service, route.ClusterId);
            Assert.Equal($"scope:{area}", route.AuthorizationPolicy);
            Assert.Null(route.Match.Methods);
        }
    }

    [Fact]
    public void Rebuilding_reporting_is_a_post_reserved_to_admin()
    {
        var route = Assert.Single(ProxyConfiguration.Routes(), r => r.Match.Path == "/api/v1/reporting/rebuild");

        Assert.Equal(["POST"], route.Match.Methods);
        Assert.Equal("reporting", route.ClusterId);
        Assert.Equal(ScopePolicies.Admin, route.AuthorizationPolicy);
    }

    [Theory]
    [InlineData("approval")]
    [InlineData("rejection")]
    [InlineData("disbursements")]
    [InlineData("acceptance")]
    public void Reviewing_a_project_is_a_post_reserved_to_projects_review(string action)
    {
        var route = Assert.Single(ProxyConfiguration.Routes(), r => r.Match.Path == $"/api/v1/projects/{{id}}/{action}");

        Assert.Equal(["POST"], route.Match.Methods);
        Assert.Equal("projects", route.ClusterId);
        Assert.Equal("scope:projects:review", route.AuthorizationPolicy);
    }

    [Fact]
    public void Service_openapi_documents_are_public_and_rewritten_to_the_service_document()
    {
        var route = Assert.Single(ProxyConfiguration.Routes(), r => r.Match.Path == "/openapi/talent.json");

        Assert.Equal("Anonymous", route.AuthorizationPolicy);
        Assert.Equal("talent", route.ClusterId);
        Assert.Contains(route.Transforms!, t => t.TryGetValue("PathSet", out var path) && path == "/openapi/v1.json");
    }
}
