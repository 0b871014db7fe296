using FluentAssertions;
using HomeLab.Cluster.Deploy;

namespace HomeLab.Cluster.Tests.Deploy;

/// <summary>The confirmation gate: default no on a terminal, --yes required without one.</summary>
public sealed class DeployConfirmationTests
{
    [Fact]
    public void Without_a_terminal_and_without_yes_the_deployment_aborts_without_asking()
    {
        var asked = false;

        var confirm = () => DeployConfirmation.Confirm(yes: false, isTerminal: false, _ => { asked = true; return "y"; });

        confirm.Should().Throw<DeployRefusedException>().WithMessage("not deploying: no terminal to confirm on and no --yes*");
        asked.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("n")]
    [InlineData("sure")]
    public void On_a_terminal_anything_but_yes_means_no(string? answer)
    {
        var confirm = () => DeployConfirmation.Confirm(yes: false, isTerminal: true, _ => answer);

        confirm.Should().Throw<DeployRefusedException>().WithMessage("*not confirmed; nothing was changed");
    }

    [Theory]
    [InlineData("y")]
    [InlineData(" YES ")]
    public void On_a_terminal_yes_goes_on(string answer) =>
        DeployConfirmation.Confirm(yes: false, isTerminal: true, _ => answer);

    [Fact]
    public void Yes_goes_on_without_asking() =>
        DeployConfirmation.Confirm(yes: true, isTerminal: false, _ => throw new InvalidOperationException("asked"));
}
