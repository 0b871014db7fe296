namespace HomeLab.Manifests.Tests.Yaml;

internal static class FixturePath
{
    public static string Of(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Yaml", relative);
}
