namespace HomeLab.Build.Tests;

public sealed class TestFilterTests
{
    [Fact]
    public void Tier_name_and_tags_all_narrow_the_stack_suites()
    {
        global::Build.StackTestFilter(global::Build.TestTier.Live, "Frigate", ["gpu", "media"])
            .Should().Be("tier=live&FullyQualifiedName~Frigate&(tag=gpu|tag=media)");
    }

    [Fact]
    public void All_tiers_and_no_filters_run_every_suite()
    {
        global::Build.StackTestFilter(global::Build.TestTier.All, null, []).Should().BeEmpty();
    }
}
