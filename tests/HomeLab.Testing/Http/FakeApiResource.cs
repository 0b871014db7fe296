namespace HomeLab.Testing;

/// <summary>A kind the fake serves.</summary>
internal sealed record FakeApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}
