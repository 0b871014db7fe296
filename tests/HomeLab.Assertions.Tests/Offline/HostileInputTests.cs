using HomeLab.Assertions.Offline;
using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Tests.Offline;

public class HostileInputTests
{
    private const string BillionLaughs = """
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: lol }
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Fact]
    public async Task A_billion_laughs_assertion_fails_with_a_message_instead_of_expanding()
    {
        var findings = await OfflineAssertion.CheckAsync([Write(BillionLaughs)], [Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\n")]);
        findings.Should().ContainSingle().Which.Message.Should().Contain("aliases expand");
    }

    [Fact]
    public async Task A_billion_laughs_resource_is_left_out_with_a_finding()
    {
        var findings = await OfflineAssertion.CheckAsync([Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\n")], [Write(BillionLaughs)]);
        findings.Select(f => f.RuleId).Should().Contain(YamlRuleIds.AliasExpansion).And.Contain(OfflineAssertion.NotFoundRule);
    }

    [Fact]
    public async Task A_billion_laughs_file_named_by_a_chainsaw_step_fails_that_test_with_the_same_message()
    {
        var bomb = Write(BillionLaughs);
        var test = $$"""
            apiVersion: chainsaw.kyverno.io/v1alpha1
            kind: Test
            metadata: { name: t }
            spec:
              namespace: apps
              steps:
              - try:
                - assert:
                    file: {{bomb}}
            """;

        var findings = await OfflineAssertion.CheckAsync([Write(test)], [Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol, namespace: apps }\n")]);

        findings.Should().ContainSingle().Which.Message.Should().Contain("aliases expand this document to more than 1,000,000 values");
    }

    [Fact]
    public async Task Aliases_within_the_limit_are_written_out_and_checked()
    {
        var resources = Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata: { a: x, b: x }\n");
        var assertion = Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lol }\ndata: &d { a: x, b: x }\n(data): *d\n");

        (await OfflineAssertion.CheckAsync([assertion], [resources])).Should().BeEmpty();
    }

    [Fact]
    public async Task An_empty_assertion_file_is_an_error()
    {
        var findings = await OfflineAssertion.CheckAsync([Write("# nothing\n")], [Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n")]);
        findings.Should().ContainSingle().Which.Message.Should().Contain("no assertion tree");
    }

    [Fact]
    public async Task A_non_resource_assertion_sees_the_source_through_client()
    {
        var resources = Write("apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\n");
        (await OfflineAssertion.CheckAsync([Write("(x_k8s_list($client, 'v1', 'Node')):\n  (length(items)): 1\n")], [resources])).Should().BeEmpty();
        (await OfflineAssertion.CheckAsync([Write("(x_k8s_list($client, 'v1', 'Node')):\n  (length(items)): 2\n")], [resources]))
            .Should().ContainSingle().Which.RuleId.Should().Be(OfflineAssertion.MismatchRule);
    }

    [Fact]
    public async Task A_chainsaw_test_given_to_assert_runs_whole()
    {
        var resources = Write("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x, namespace: apps }\ndata: { a: '1' }\n");
        var test = """
            apiVersion: chainsaw.kyverno.io/v1alpha1
            kind: Test
            metadata: { name: t }
            spec:
              namespace: apps
              steps:
              - try:
                - assert:
                    resource:
                      apiVersion: v1
                      kind: ConfigMap
                      metadata: { name: x }
                      data: { a: '2' }
            """;
        var findings = await OfflineAssertion.CheckAsync([Write(test)], [resources]);
        findings.Should().ContainSingle().Which.RuleId.Should().Be("assert/chainsaw-test");
    }

    [Fact]
    public async Task Many_objects_are_indexed_by_identity()
    {
        var memory = new InMemorySource();
        for (var i = 0; i < 8_000; i++)
        {
            memory.Put(new Newtonsoft.Json.Linq.JObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new Newtonsoft.Json.Linq.JObject { ["name"] = $"cm-{i:D5}", ["namespace"] = "apps" } });
        }

        (await memory.GetAsync(new ResourceQuery("v1", "ConfigMap", "apps", "cm-04321"), default)).Should().NotBeNull();
        (await memory.ListAsync(new ResourceQuery("v1", "ConfigMap", "apps"), default)).Should().HaveCount(8_000).And.BeInAscendingOrder(o => (string)o["metadata"]!["name"]!, StringComparer.Ordinal);
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
