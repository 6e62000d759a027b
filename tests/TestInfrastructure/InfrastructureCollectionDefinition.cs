using Xunit;

namespace CountyTech.Testing;

/// <summary>
/// xunit 2 looks for collection definitions only in the test assembly itself, so this file is compiled into every test
/// project that references TestInfrastructure (tests/Directory.Build.targets), not into TestInfrastructure.
/// </summary>
[CollectionDefinition(InfrastructureCollection.Name)]
public sealed class InfrastructureCollectionDefinition : ICollectionFixture<InfrastructureFixture>;
