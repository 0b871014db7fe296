using HomeLab.Pipeline.Suites;
using HomeLab.Targets;

namespace HomeLab.Pipeline.Tests.Suites;

public sealed class SuiteTagsTests
{
    [Fact]
    public void The_tags_on_test_classes_and_methods_are_found_and_other_traits_are_not()
    {
        var tags = SuiteTags.Of(typeof(SuiteTagsTests).Assembly);

        tags.Should().Contain(["tagged-class", "tagged-method"]).And.NotContain("not-a-tag");
    }

    [Fact]
    public void A_requested_tag_no_test_has_is_named_once()
    {
        var known = new HashSet<string>(["loki", "stack"]);

        SuiteTags.Unknown(["loki", "lokii", "lokii", "stack"], known).Should().Equal("lokii");
    }

    [Fact]
    public void The_note_names_the_unknown_tags_says_whether_anything_is_left_and_lists_the_tags_there_are()
    {
        var known = new HashSet<string>(["stack", "loki"]);

        SuiteTags.Note(["lokii"], 2, known).Should().Be("--tag lokii: no C# suite test has this tag, it selects nothing; the other tags still do; hint: the tags are loki, stack");
        SuiteTags.Note(["a", "b"], 2, known).Should().StartWith("--tag a b: no C# suite test has these tags, so no C# suite test was selected;");
    }

    [Fact]
    public void Tags_that_leave_no_test_of_the_tier_say_none_ran_and_where_the_tags_are()
    {
        SuiteTags.NothingSelected(["loki", "stack"], "offline").Should().Be("--tag loki stack: no C# suite test of tier offline has any of these tags, so none ran; hint: the component tags are on live tests (--tier live)");
    }

    [Trait("tag", "tagged-class")]
    [Trait("kind", "not-a-tag")]
    public sealed class Tagged
    {
        // Not a test: only its attributes are read.
        [Trait("tag", "tagged-method")]
        public void Exercise()
        {
        }
    }

    [Fact]
    public void Every_tag_unknown_is_a_warning_and_some_unknown_beside_known_ones_is_a_notice()
    {
        SuiteTags.Severity(unknown: 2, requested: 2).Should().Be(AnnotationSeverity.Warning);
        SuiteTags.Severity(unknown: 1, requested: 3).Should().Be(AnnotationSeverity.Notice);
    }
}
