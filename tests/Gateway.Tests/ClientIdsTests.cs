using CountyTech.Gateway.Authentication;

namespace CountyTech.Gateway.Tests;

public sealed class ClientIdsTests
{
    [Fact]
    public void The_longest_token_client_id_fits_the_columns_sized_for_client_ids()
    {
        Assert.True(ClientIds.TryForToken(new string('s', ClientIds.MaxTokenIdentifierLength), out var longest, out _));
        Assert.Equal(ClientIds.MaxLength, longest.Length);
        Assert.False(ClientIds.TryForToken(new string('s', ClientIds.MaxTokenIdentifierLength + 1), out _, out var error));
        Assert.Contains("255", error, StringComparison.Ordinal);
    }
}
