namespace HomeLab.Manifests.Tests.Lint;

internal static class LintFixture
{
    public static string Of(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lint", relative);
}
