using System.ComponentModel.DataAnnotations;
using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

/// <summary>Parameters whose bare names are variables shells and CI services set for their own reasons.</summary>
internal sealed class CommonNamesBuild : BuildBase
{
    [Parameter("Test tags.")]
    public string[] Tag { get; set; } = [];

    [Parameter("Environments.", Name = "environment")]
    public string[] Environments { get; set; } = [];

    [Parameter("Where results go.")]
    public string[] Output { get; set; } = [];

    [Parameter("A name.")]
    public string? Name { get; set; }

    [Parameter("Paths.", Name = "path")]
    public AbsolutePath[] Paths { get; set; } = [];

    [Parameter("A token the CI provides under its own name.", EnvironmentVariable = "REGISTRY_TOKEN")]
    [Secret]
    public string? RegistryToken { get; set; }

    public Target Show => _ => _.Executes(() => { });
}

internal sealed class GreedyVariableBuild : BuildBase
{
    [Parameter("Tags.", EnvironmentVariable = "TAG")]
    public string[] Tags { get; set; } = [];

    public Target Show => _ => _.Executes(() => { });
}

internal sealed class PrefixedBuild : BuildBase
{
    [Parameter("The Kubernetes version.")]
    public string KubernetesVersion { get; set; } = "1.32";

    protected internal override string EnvironmentPrefix => "LAB";

    public Target Show => _ => _.Executes(() => { });
}

internal sealed class CheckedBuild : RecordingBuild
{
    [Parameter("Nodes.")]
    [Range(1, 9)]
    public int Nodes { get; set; } = 1;

    [Parameter("The release channel.")]
    [Channel]
    public string Channel { get; set; } = "stable";

    public Target Show => _ => _.Executes(() => Record(nameof(Show)));
}

/// <summary>A check of one's own: a <see cref="ValidationAttribute"/> the engine runs before any target.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ChannelAttribute : ValidationAttribute
{
    public ChannelAttribute()
        : base("expected stable or edge.")
    {
    }

    public override bool IsValid(object? value) => value is null or "stable" or "edge";
}
