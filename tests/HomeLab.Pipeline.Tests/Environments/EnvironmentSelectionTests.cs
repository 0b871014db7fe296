using HomeLab.Pipeline.Environments;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Environments;

public sealed class EnvironmentSelectionTests
{
    private readonly EnvironmentSelection selection = new(["k3d", "k3s"]);

    [Fact]
    public void No_environment_named_selects_them_all()
    {
        selection.Select([]).Should().Equal("k3d", "k3s");
    }

    [Fact]
    public void An_unknown_environment_is_refused_with_the_ones_there_are()
    {
        var select = () => selection.Select(["production"]);

        select.Should().Throw<TargetFailedException>().WithMessage("Unknown environment 'production': the environments are the directories under clusters/ (k3d, k3s).");
    }

    [Fact]
    public void A_target_that_works_on_one_environment_says_what_it_needs_when_given_two()
    {
        var single = () => selection.Single(["k3d", "k3s"], "Seal needs --cert <pem> or one --environment");

        single.Should().Throw<TargetFailedException>().WithMessage("Seal needs --cert <pem> or one --environment (one of: k3d, k3s).");
        selection.Single(["k3s"], "unused").Should().Be("k3s");
    }
}
