using System.Text;
using CountyTech.ServiceDefaults;
using CountyTech.Gateway.Routing;
using Microsoft.Extensions.Primitives;

namespace CountyTech.Gateway.Tests;

public sealed class IdempotencyRulesTests
{
    [Theory]
    [InlineData("5f0c6f0e-3a57-4d0b-9d5e-2f1b7f3b8a11", true)]
    [InlineData("retry-2025-04-01#1", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("中文键", false)]
    public void A_key_is_1_to_255_visible_ascii_characters(string key, bool valid) =>
        Assert.Equal(valid, IdempotencyKey.TryRead(new StringValues(key), out _, out _));

    [Fact]
    public void A_key_longer_than_255_or_sent_twice_is_refused()
    {
        Assert.True(IdempotencyKey.TryRead(new StringValues(new string('k', 255)), out _, out _));
        Assert.False(IdempotencyKey.TryRead(new StringValues(new string('k', 256)), out _, out _));
        Assert.False(IdempotencyKey.TryRead(new StringValues(["a", "b"]), out _, out var error));
        Assert.Contains("one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_differing_in_method_path_query_or_body_have_different_fingerprints()
    {
        var original = await Fingerprint("POST", "/api/v1/projects", "{\"title\":\"水稻新品种示范\"}");

        Assert.Equal(original, await Fingerprint("POST", "/api/v1/projects", "{\"title\":\"水稻新品种示范\"}"));
        Assert.NotEqual(original, await Fingerprint("PUT", "/api/v1/projects", "{\"title\":\"水稻新品种示范\"}"));
        Assert.NotEqual(original, await Fingerprint("POST", "/api/v1/projects?x=1", "{\"title\":\"水稻新品种示范\"}"));
        Assert.NotEqual(original, await Fingerprint("POST", "/api/v1/talent", "{\"title\":\"水稻新品种示范\"}"));
        Assert.NotEqual(original, await Fingerprint("POST", "/api/v1/projects", "{\"title\":\"茶叶新品种示范\"}"));
    }

    [Theory]
    [InlineData("X-Forwarded-For", true)]
    [InlineData("x-forwarded-proto", true)]
    [InlineData("Forwarded", true)]
    [InlineData("X-CountyTech-Client-Id", true)]
    [InlineData("x-countytech-anything", true)]
    [InlineData("Idempotency-Key", false)]
    [InlineData("Content-Type", false)]
    [InlineData("traceparent", false)]
    public void Forwarding_and_internal_identity_headers_from_callers_are_spoofable(string header, bool spoofable) =>
        Assert.Equal(spoofable, ForwardedIdentity.IsSpoofable(header));

    private static Task<byte[]> Fingerprint(string method, string pathAndQuery, string body) =>
        RequestFingerprint.ComputeAsync(method, pathAndQuery, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
}
