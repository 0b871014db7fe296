namespace HomeLab.Pipeline.Tests.Suites;

/// <summary>A fixture that would render on its own: the in-process host skips its tests.</summary>
public sealed class OwnFixture
{
}

/// <summary>A suite whose fixture the host cannot build from the build's sets.</summary>
[Trait("tier", "in-process-own-fixture")]
public sealed class OwnFixtureSuite(OwnFixture fixture) : IClassFixture<OwnFixture>
{
    [Fact]
    public void Uses_its_own_fixture() => fixture.Should().NotBeNull();
}
