using HomeLab.Manifests.Objects;

namespace HomeLab.Manifests.Tests.Objects;

public sealed class ResourceQuantityTests
{
    [Theory]
    [InlineData("500m", 0.5)]
    [InlineData("1.5Gi", 1610612736)]
    [InlineData("256Mi", 268435456)]
    [InlineData("2e3", 2000)]
    [InlineData(" 2 ", 2)]
    [InlineData("1k", 1000)]
    public void A_quantity_has_the_value_the_api_server_gives_it(string text, double expected)
    {
        ResourceQuantity.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5 Gi")]
    [InlineData("Gi")]
    [InlineData("12MB")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_is_no_quantity_or_a_negative_one_has_no_value(string? text)
    {
        ResourceQuantity.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("+1.5e-3", true)]
    [InlineData("-100m", true)]
    [InlineData("1e", false)]
    [InlineData("1Gb", false)]
    public void Validation_follows_the_quantity_grammar(string text, bool valid)
    {
        ResourceQuantity.IsValid(text).Should().Be(valid);
    }

    [Fact]
    public void Budgets_print_bytes_and_cores_the_way_people_write_them()
    {
        ResourceQuantity.FormatBytes(1610612736).Should().Be("1.5Gi");
        ResourceQuantity.FormatBytes(268435456).Should().Be("256Mi");
        ResourceQuantity.FormatCores(0.25m).Should().Be("250m");
        ResourceQuantity.FormatCores(2.5m).Should().Be("2.5");
    }
}
