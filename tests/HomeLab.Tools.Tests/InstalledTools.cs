namespace HomeLab.Tools.Tests;

/// <summary>The real tools of this machine, for tests of what they really do; a test skips with the reason when one is missing.</summary>
internal static class InstalledTools
{
    public static Kubectl Kubectl() => Find(() => Tools.Kubectl.Locate(repositoryRoot: RepositoryRoot.Find(AppContext.BaseDirectory)));

    public static Git Git() => Find(() => Tools.Git.Locate(repositoryRoot: RepositoryRoot.Find(AppContext.BaseDirectory)));

    private static T Find<T>(Func<T> locate)
    {
        try
        {
            return locate();
        }
        catch (ToolNotFoundException ex)
        {
            Skip.If(true, $"{ex.ToolName} is needed: {ex.Message} ({ex.Hint})");
            throw;
        }
    }
}
