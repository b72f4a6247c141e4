using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class KubernetesNamesTests
{
    [Theory]
    [InlineData("Orders.Web", "web", "orders")]
    [InlineData("Orders.Worker", "worker", "orders")]
    [InlineData("Acme.Billing.Admin", "admin", "acme-billing")]
    [InlineData("BillingApi", "web", "billingapi")]
    [InlineData("Web", "web", "web")]
    public void The_service_is_the_assembly_name_without_the_process_type(string assemblyName, string processType, string expected) =>
        Assert.Equal(expected, KubernetesNames.ServiceOf(assemblyName, processType));

    [Theory]
    [InlineData("1.4.0-3f2a9c1", "1-4-0-3f2a9c1")]
    [InlineData("__Orders__", "orders")]
    [InlineData("a--b", "a-b")]
    public void Names_are_dns_labels(string text, string expected) => Assert.Equal(expected, KubernetesNames.ToLabel(text));

    [Fact]
    public void Long_names_are_cut_to_63_characters_without_a_trailing_dash()
    {
        var name = KubernetesNames.Join("orders", "migrate", new string('x', 50) + "-" + new string('y', 20));

        Assert.True(name.Length <= 63);
        Assert.False(name.EndsWith('-'));
    }

    [Fact]
    public void Label_values_keep_dots_and_underscores() =>
        Assert.Equal("1.4.0-rc.1_build", KubernetesNames.ToLabelValue("1.4.0-rc.1+build"[..^6] + "_build"));
}
