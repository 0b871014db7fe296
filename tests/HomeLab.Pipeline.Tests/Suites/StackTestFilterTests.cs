using HomeLab.Pipeline.Suites;

namespace HomeLab.Pipeline.Tests.Suites;

public sealed class StackTestFilterTests
{
    [Fact]
    public void Tier_name_and_tags_all_narrow_the_stack_suites()
    {
        StackTestFilter.For(TestTier.Live, "Frigate", ["gpu", "media"])
            .Should().Be("tier=live&FullyQualifiedName~Frigate&(tag=gpu|tag=media)");
    }

    [Fact]
    public void All_tiers_and_no_filters_run_every_suite()
    {
        StackTestFilter.For(TestTier.All, null, []).Should().BeEmpty();
    }

    [Fact]
    public void The_offline_tier_alone_selects_the_offline_trait()
    {
        StackTestFilter.For(TestTier.Offline, null, []).Should().Be("tier=offline");
    }
}
