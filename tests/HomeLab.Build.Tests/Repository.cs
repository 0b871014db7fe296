namespace HomeLab.Build.Tests;

/// <summary>Finds the repository this test assembly was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HomeLab.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; HomeLab.sln was not found above " + AppContext.BaseDirectory);
    }
}
