using HomeLab.Targets;

namespace HomeLab.Targets.Tests;

public sealed class PlannerTests
{
    private static List<string> PlanNames(string[] invoked, IReadOnlyList<string>? skip = null)
    {
        var model = BuildModel.Discover(new OrderBuild());
        var plan = Planner.Plan(model, [.. invoked.Select(model.Get)], skip?.Select(model.Get).ToList());
        return [.. plan.Targets.Select(t => t.Name)];
    }

    [Fact]
    public void Plan_runs_dependencies_before_the_target()
    {
        PlanNames(["Pack"]).Should().Equal("Restore", "Lint", "Compile", "Pack");
    }

    [Fact]
    public void Plan_breaks_ties_by_declaration_order_and_is_the_same_every_time()
    {
        var first = PlanNames(["Publish"]);
        first.Should().Equal("Restore", "Lint", "Compile", "Pack", "Test", "Publish", "Announce");
        for (var i = 0; i < 20; i++)
        {
            PlanNames(["Publish"]).Should().Equal(first);
        }
    }

    [Fact]
    public void Invocation_order_does_not_change_the_plan()
    {
        PlanNames(["Test", "Pack"]).Should().Equal(PlanNames(["Pack", "Test"]));
    }

    [Fact]
    public void After_and_before_order_targets_only_when_both_are_planned()
    {
        PlanNames(["Pack", "Clean"]).Should().Equal("Clean", "Restore", "Lint", "Compile", "Pack");
        PlanNames(["Pack"]).Should().NotContain("Clean");
        PlanNames(["Restore", "Docs"]).Should().Equal("Docs", "Restore");
    }

    [Fact]
    public void Triggered_targets_join_the_plan_after_their_trigger()
    {
        var plan = PlanNames(["Publish"]);
        plan.Should().Contain("Announce");
        plan.IndexOf("Announce").Should().BeGreaterThan(plan.IndexOf("Publish"));
    }

    [Fact]
    public void DependentFor_makes_the_other_target_depend_on_this_one()
    {
        var model = BuildModel.Discover(new OrderBuild());
        model.Get("Compile").Dependencies.Select(d => d.Name).Should().Equal("Restore", "Lint");
    }

    [Fact]
    public void A_cycle_is_an_error_that_names_every_target_in_it()
    {
        var discover = () => BuildModel.Discover(new CycleBuild());
        discover.Should().Throw<TargetDefinitionException>()
            .Which.Message.Should().Contain("Dependency cycle").And.Contain("A → B → C → A");
    }

    [Fact]
    public void An_unknown_target_gets_a_did_you_mean_hint()
    {
        var model = BuildModel.Discover(new OrderBuild());
        var get = () => model.Get("Compiel");
        get.Should().Throw<BuildUsageException>().WithMessage("Unknown target 'Compiel'. Did you mean 'Compile'?*");
    }

    [Fact]
    public void Targets_are_found_ignoring_case_and_dashes()
    {
        var model = BuildModel.Discover(new OrderBuild());
        model.Get("com-pile").Name.Should().Be("Compile");
        model.Get("PUBLISH").Name.Should().Be("Publish");
    }

    [Fact]
    public void Skip_with_names_skips_those_and_keeps_them_in_the_plan()
    {
        var model = BuildModel.Discover(new OrderBuild());
        var plan = Planner.Plan(model, [model.Get("Pack")], [model.Get("Lint")]);
        plan.Targets.Single(t => t.Name == "Lint").SkipReason.Should().Be("skipped by --skip");
        plan.Targets.Where(t => t.Name != "Lint").Should().OnlyContain(t => t.SkipReason == null);
    }

    [Fact]
    public void Skip_without_names_skips_everything_not_invoked()
    {
        var model = BuildModel.Discover(new OrderBuild());
        var plan = Planner.Plan(model, [model.Get("Pack")], []);
        plan.Targets.Where(t => t.SkipReason is null).Select(t => t.Name).Should().Equal("Pack");
    }

    [Fact]
    public void The_plan_renders_as_a_mermaid_graph_with_its_edges()
    {
        var model = BuildModel.Discover(new OrderBuild());
        var mermaid = Planner.Plan(model, [model.Get("Pack")]).ToMermaid();
        mermaid.Should().StartWith("```mermaid").And.Contain("Compile --> Pack").And.Contain("Restore --> Compile").And.Contain("Pack[[\"Pack\"]]");
    }
}
