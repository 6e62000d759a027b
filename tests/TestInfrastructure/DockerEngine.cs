using DotNet.Testcontainers.Configurations;

namespace CountyTech.Testing;

/// <summary>Whether a Docker engine answers (Testcontainers finds no endpoint in ~0.2 s when none does).</summary>
internal static class DockerEngine
{
    private static readonly Lazy<bool> Probe = new(() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null);

    public static bool Answers => Probe.Value;
}
