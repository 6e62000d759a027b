namespace CountyTech.Testing;

/// <summary>
/// The xunit collection that shares one <see cref="InfrastructureFixture"/> among its test classes:
/// <c>[Collection(InfrastructureCollection.Name)]</c>. Its definition is compiled into each test project
/// (see <c>InfrastructureCollectionDefinition.cs</c>).
/// </summary>
public static class InfrastructureCollection
{
    public const string Name = "Infrastructure";
}
