using HomeLab.Assertions.Expressions;
using HomeLab.Assertions.Trees;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Tests.Trees;

public class AssertionTreeTests
{
    private static readonly JObject Deployment = JObject.Parse("""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "web", "namespace": "apps", "labels": { "app": "web" } },
          "spec": {
            "replicas": 1,
            "template": { "spec": { "containers": [
              { "name": "web", "image": "nginx:1.27", "ports": [ { "containerPort": 80 } ] },
              { "name": "sidecar", "image": "envoy:1.30" }
            ] } }
          },
          "status": { "readyReplicas": 1, "conditions": [] }
        }
        """);

    private static AssertionResult Eval(string yaml, JToken? actual = null, EvaluationOptions? options = null) =>
        AssertionTree.Parse(yaml, "assert.yaml").Evaluate(actual ?? Deployment, options);

    [Fact]
    public void Maps_match_partially_and_extra_keys_are_fine()
    {
        Eval("metadata: { name: web }\nspec: { replicas: 1 }").IsMatch.Should().BeTrue();
    }

    [Fact]
    public void A_missing_key_is_a_required_value_error_with_its_line()
    {
        var result = Eval("spec:\n  paused: false\n");
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("spec.paused: Required value: field not found in the input object");
        result.Errors[0].ToString().Should().StartWith("assert.yaml:2:");
    }

    [Fact]
    public void A_wrong_value_reports_actual_and_expected()
    {
        Eval("spec:\n  replicas: 2\n").Errors.Should().ContainSingle()
            .Which.Message.Should().Be("spec.replicas: Invalid value: 1: Expected value: 2");
    }

    [Fact]
    public void Every_field_error_is_reported_not_only_the_first()
    {
        Eval("metadata: { name: api }\nspec: { replicas: 3 }").Errors.Select(e => e.Path)
            .Should().Equal("metadata.name", "spec.replicas");
    }

    [Fact]
    public void Empty_map_means_present_and_not_null()
    {
        Eval("status: {}").IsMatch.Should().BeTrue();
        Eval("spec: { paused: {} }").Errors.Should().ContainSingle().Which.Type.Should().Be(FieldErrorType.Required);
        Eval("spec: { x: {} }", JObject.Parse("""{"spec":{"x":null}}""")).Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("present and not null");
    }

    [Fact]
    public void Integers_and_floats_compare_by_value()
    {
        Eval("spec: { replicas: 1.0 }").IsMatch.Should().BeTrue();
        Eval("a: 2", JObject.Parse("""{"a": 2.0}""")).IsMatch.Should().BeTrue();
    }

    [Fact]
    public void Arrays_match_in_length_and_order_by_default()
    {
        Eval("spec: { template: { spec: { containers: [ { name: web }, { name: sidecar } ] } } }").IsMatch.Should().BeTrue();
        Eval("spec: { template: { spec: { containers: [ { name: sidecar }, { name: web } ] } } }").Errors.Select(e => e.Path)
            .Should().Equal("spec.template.spec.containers[0].name", "spec.template.spec.containers[1].name");
        Eval("spec: { template: { spec: { containers: [ { name: web } ] } } }").Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("2 elements: Expected 1 elements").And.Contain("@contains");
    }

    [Fact]
    public void Contains_mode_accepts_a_subset_in_any_position()
    {
        Eval("spec: { template: { spec: { containers@contains: [ { name: sidecar } ] } } }").IsMatch.Should().BeTrue();
        var result = Eval("spec: { template: { spec: { containers@contains: [ { name: sidecar, image: envoy:1.31 } ] } } }");
        result.Errors.Should().ContainSingle().Which.Message.Should()
            .Contain("Not found: no element matches expected element [0]")
            .And.Contain("closest is [1]: spec.template.spec.containers[1].image: Invalid value: \"envoy:1.30\"");
    }

    [Fact]
    public void Any_order_mode_needs_the_same_elements_in_any_order()
    {
        Eval("spec: { template: { spec: { containers@any-order: [ { name: sidecar }, { name: web } ] } } }").IsMatch.Should().BeTrue();
        Eval("spec: { template: { spec: { containers@any-order: [ { name: sidecar } ] } } }").IsMatch.Should().BeFalse();
        Eval("a@any-order: [ 1, 1 ]", JObject.Parse("""{"a": [1, 2]}""")).IsMatch.Should().BeFalse("each expected element needs a different actual element");
    }

    [Fact]
    public void Projection_keys_compare_children_with_the_expression_result()
    {
        Eval("status:\n  (readyReplicas >= `1`): true\n").IsMatch.Should().BeTrue();
        Eval("spec:\n  (template.spec.containers[?name == 'web'] | [0].image): nginx:1.27\n").IsMatch.Should().BeTrue();
        Eval("(length(spec.template.spec.containers)): 3").Errors.Should().ContainSingle()
            .Which.Message.Should().Be("(length(spec.template.spec.containers)): Invalid value: 2: Expected value: 3");
    }

    [Fact]
    public void Iteration_checks_every_element_and_binds_the_index()
    {
        Eval("spec: { template: { spec: { ~.(containers): { image: {} } } } }").IsMatch.Should().BeTrue();
        Eval("spec:\n  template:\n    spec:\n      ~i.(containers):\n        (starts_with(name, 'web')): true\n").Errors.Should().ContainSingle()
            .Which.Path.Should().Be("spec.template.spec.~i.(containers)[1].(starts_with(name, 'web'))");
        var named = Eval("spec: { template: { spec: { ~i.(containers): { x: ($i) } } } }",
            JObject.Parse("""{"spec":{"template":{"spec":{"containers":[{"x":0},{"x":1}]}}}}"""));
        named.IsMatch.Should().BeTrue();
    }

    [Fact]
    public void Iteration_over_a_map_binds_the_key()
    {
        Eval("~k.(metadata.labels): ($k)", JObject.Parse("""{"metadata":{"labels":{"a":"a","b":"b"}}}""")).IsMatch.Should().BeTrue();
    }

    [Fact]
    public void Iteration_over_nothing_is_vacuous_unless_allowed()
    {
        var result = Eval("status: { ~.(conditions): { status: 'True' } }");
        result.Errors.Should().ContainSingle().Which.Type.Should().Be(FieldErrorType.Vacuous);
        result.Errors[0].Message.Should().Contain("nothing under it was checked");
        Eval("status: { ~.(conditions)@allow-empty: { status: 'True' } }").IsMatch.Should().BeTrue();
        Eval("status: { ~.(conditions): { status: 'True' } }", options: new EvaluationOptions { AllowEmptyIteration = true }).IsMatch.Should().BeTrue();
    }

    [Fact]
    public void Arrow_binds_a_value_for_the_subtree_only()
    {
        Eval("metadata->m:\n  labels:\n    app: ($m.name)\n").IsMatch.Should().BeTrue();
        Eval("(spec.replicas)-> r:\n  ($r + `1`): 2\n").IsMatch.Should().BeTrue();
        Eval("(spec.replicas)->r: 1\nstatus:\n  readyReplicas: ($r)\n").Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("$r' is not defined");
    }

    [Fact]
    public void Bindings_from_options_are_referenced_with_a_dollar()
    {
        var options = new EvaluationOptions { Bindings = Bindings.Empty.With("ns", "apps") };
        Eval("metadata: { namespace: ($ns) }", options: options).IsMatch.Should().BeTrue();
        Eval("metadata: { namespace: ($ns) }").Errors.Should().ContainSingle().Which.Type.Should().Be(FieldErrorType.Expression);
    }

    [Fact]
    public void Escaped_keys_and_values_are_literal()
    {
        var actual = JObject.Parse("""{"(weird)": "(x)"}""");
        Eval("\\(weird)\\: \\(x)\\", actual).IsMatch.Should().BeTrue();
    }

    [Fact]
    public void Expression_errors_are_field_errors_not_exceptions()
    {
        var result = Eval("(length(spec.missing)): 1");
        result.Errors.Should().ContainSingle().Which.Type.Should().Be(FieldErrorType.Expression);
        result.Errors[0].Message.Should().Contain("length");
    }

    [Fact]
    public void A_bad_expression_is_a_syntax_error_with_its_line()
    {
        var act = () => AssertionTree.Parse("spec:\n  (replicas ==): 1\n", "bad.yaml");
        act.Should().Throw<AssertionSyntaxException>().WithMessage("bad.yaml:2:*");
    }

    [Fact]
    public void The_diff_shows_only_asserted_keys_with_expected_and_actual()
    {
        var result = Eval("metadata:\n  name: web\nspec:\n  replicas: 2\n");
        result.Diff.Should().Be(
            "  metadata:\n" +
            "    name: \"web\"\n" +
            "  spec:\n" +
            "-   replicas: 2\n" +
            "+   replicas: 1\n");
        result.ToString().Should().Contain("--- expected").And.NotContain("template");
    }

    [Fact]
    public void A_null_leaf_fails_on_an_absent_field_and_holds_on_a_null_one()
    {
        Eval("spec: { paused: null }").Errors.Should().ContainSingle().Which.Message.Should().Be("spec.paused: Required value: field not found in the input object");
        Eval("spec: { paused: null }", JObject.Parse("""{"spec":{"paused":null}}""")).IsMatch.Should().BeTrue();
    }

    [Fact]
    public void A_tree_names_the_objects_it_is_about()
    {
        var query = AssertionTree.Parse("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\n").ToQuery(defaultNamespace: "t1");
        query.Should().Be(new HomeLab.Assertions.Sources.ResourceQuery("apps/v1", "Deployment", "t1", "web"));
        AssertionTree.Parse("apiVersion: v1\nkind: Node\nmetadata: { labels: { gpu: 'true' } }\n").ToQuery(defaultNamespace: "t1")
            .Should().Be(new HomeLab.Assertions.Sources.ResourceQuery("v1", "Node", null, null, "gpu=true"));
    }
}
