namespace HomeLab.Assertions.Tests.Cluster;

/// <summary>A kind the fake serves.</summary>
internal sealed record FakeResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
