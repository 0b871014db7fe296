using HomeLab.Targets;

namespace HomeLab.Pipeline.Solution;

/// <summary>A component: builds the solution and runs every test project in it.</summary>
public interface ICompile : IPipelineBuild
{
    /// <summary>The solution; <c>HomeLab.sln</c> in the root by default.</summary>
    AbsolutePath Solution => RootDirectory / "HomeLab.sln";

    /// <summary>Builds the solution.</summary>
    Target Compile => _ => _
        .Description("Builds the whole solution.")
        .Executes(ct => DotNetCommand.RunAsync(RootDirectory, ["build", Solution, "--nologo", "-v", "q"], ct));

    /// <summary>Runs every test project.</summary>
    Target UnitTest => _ => _
        .Description("Runs every test project (the command README names: dotnet test HomeLab.sln).")
        .DependsOn(Compile)
        .Executes(ct => DotNetCommand.RunAsync(RootDirectory, ["test", Solution, "--no-build", "--nologo"], ct));
}
