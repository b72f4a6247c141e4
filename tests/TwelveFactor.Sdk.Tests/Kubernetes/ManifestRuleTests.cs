using TwelveFactor.Sdk.Kubernetes;

namespace TwelveFactor.Sdk.Tests.Kubernetes;

public sealed class ManifestRuleTests
{
    private const string Header = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
        spec:
          template:
            spec:
        """;

    private static IReadOnlyList<string> Check(string podSpec) =>
        ManifestRule.Check("/repo/deploy/shop.yaml", Header + "\n" + podSpec)
            .Select(f => $"{f.RuleId}@{f.Line}: {string.Join(" | ", f.Arguments)}").ToList();

    [Theory]
    [InlineData("shop:1.4", "the tag '1.4'")]
    [InlineData("shop:latest", "the tag 'latest'")]
    [InlineData("registry.example/shop", "no tag (latest)")]
    public void An_image_by_tag_is_TF0504(string image, string how)
    {
        var findings = Check($"""
                  containers:
                  - name: web
                    image: {image}
            """);

        Assert.Equal(new[] { $"TF0504@10: {image} | Deployment/shop container 'web' | {how}" }, findings);
    }

    [Fact]
    public void Look_alike_an_image_by_digest_is_fine() =>
        Assert.Empty(Check("""
                  containers:
                  - name: web
                    image: registry.example/shop:1.4@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945
            """));

    [Fact]
    public void A_secrets_value_in_env_is_TF0303_and_the_value_is_never_in_the_finding()
    {
        var findings = ManifestRule.Check("/repo/deploy/shop.yaml", Header + "\n" + """
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    env:
                    - name: DB_PASSWORD
                      value: "hunter2-prod"
            """).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("TF0303", finding.RuleId);
        Assert.Equal(13, finding.Line);
        Assert.DoesNotContain(findings.SelectMany(f => f.Arguments.Append(f.FingerprintKey)), a => a.Contains("hunter2"));
    }

    [Fact]
    public void Look_alike_a_secretKeyRef_and_a_plain_setting_are_fine() =>
        Assert.Empty(Check("""
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: { name: shop, key: password }
                    - name: LOG_LEVEL
                      value: Information
            """));

    [Fact]
    public void A_container_port_without_probes_is_TF0903() =>
        Assert.Equal(new[] { "TF0903@11: Deployment/shop container 'web'" }, Check("""
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    ports:
                    - containerPort: 8080
            """));

    [Fact]
    public void Look_alike_a_probe_on_a_named_port_is_fine() =>
        Assert.Empty(Check("""
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    ports:
                    - name: http
                      containerPort: 8080
                    readinessProbe:
                      httpGet: { path: /readyz, port: http }
            """));

    [Fact]
    public void Root_user_in_the_pod_or_the_container_is_TF0901()
    {
        var findings = Check("""
                  securityContext:
                    runAsUser: 0
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    securityContext:
                      runAsNonRoot: false
            """);

        Assert.Equal(2, findings.Count);
        Assert.Equal("TF0901@9: Deployment/shop: the pod runs as root (its securityContext sets runAsUser: 0)", findings[0]);
        Assert.Equal("TF0901@14: Deployment/shop: the container 'web' may run as root (its securityContext sets runAsNonRoot: false)", findings[1]);
    }

    [Fact]
    public void Look_alike_a_non_root_uid_is_fine() =>
        Assert.Empty(Check("""
                  securityContext:
                    runAsUser: 1654
                    runAsNonRoot: true
                  containers:
                  - name: web
                    image: shop@sha256:abc
            """));

    [Fact]
    public void A_writable_hostPath_volume_is_TF0602_but_a_read_only_one_is_not()
    {
        var findings = Check("""
                  containers:
                  - name: web
                    image: shop@sha256:abc
                    volumeMounts:
                    - name: uploads
                      mountPath: /app/uploads
                    - name: node-logs
                      mountPath: /var/log/node
                      readOnly: true
                  volumes:
                  - name: uploads
                    hostPath:
                      path: /srv/uploads
                  - name: node-logs
                    hostPath: { path: /var/log }
            """);

        Assert.Equal(new[] { "TF0602@19: uploads | /srv/uploads | Deployment/shop" }, findings);
    }

    [Fact]
    public void Cron_jobs_and_pods_are_checked_and_other_kinds_are_not()
    {
        var findings = ManifestRule.Check("/repo/k8s/all.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            metadata: { name: purge }
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - name: purge
                        image: shop:latest
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: shop }
            data:
              image: shop:latest
              API_TOKEN: not-checked-here
            """).Select(f => f.RuleId + "@" + f.Line).ToList();

        Assert.Equal(new[] { "TF0504@12" }, findings);
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_TF0004_at_its_line()
    {
        var finding = Assert.Single(ManifestRule.Check("/repo/k8s/bad.yaml", "kind: Pod\nspec:\n  containers:\n - name: x\n"));

        Assert.Equal("TF0004", finding.RuleId);
        Assert.Equal(4, finding.Line);
    }
}
