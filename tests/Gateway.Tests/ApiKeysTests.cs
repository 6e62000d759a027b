using System.Security.Cryptography;
using System.Text;
using CountyTech.Gateway.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CountyTech.Gateway.Tests;

public sealed class ApiKeysTests
{
    [Fact]
    public void A_key_is_ct_and_32_random_bytes_in_base64url()
    {
        var key = ApiKeys.Generate();

        Assert.Matches("^ct_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(32, Convert.FromBase64String(key[3..].Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public void Keys_do_not_repeat()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeys.Generate()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, keys.Count);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_key()
    {
        const string key = "ct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)), ApiKeys.Hash(key));
        Assert.Equal(32, ApiKeys.Hash(key).Length);
        Assert.NotEqual(ApiKeys.Hash(key), ApiKeys.Hash(key + "x"));
    }

    [Fact]
    public void The_bootstrap_admin_key_matches_only_itself()
    {
        var admin = new BootstrapAdminKey("ct_bootstrap");

        Assert.True(admin.Matches(ApiKeys.Hash("ct_bootstrap")));
        Assert.False(admin.Matches(ApiKeys.Hash("ct_bootstraq")));
        Assert.False(new BootstrapAdminKey(null).Matches(ApiKeys.Hash(string.Empty)));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Development", "ct_secret", true)]
    [InlineData("Production", "ct_secret", true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", "  ", false)]
    public void Outside_development_the_bootstrap_key_is_required(string environment, string? key, bool starts)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BootstrapAdminKey.VariableName] = key })
            .Build();
        var host = new HostingEnvironment { EnvironmentName = environment };

        var failure = Record.Exception(() => BootstrapAdminKey.FromConfiguration(configuration, host));

        Assert.Equal(starts, failure is null);
    }
}
