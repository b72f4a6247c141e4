namespace TwelveFactor.Sdk.ContainerTests;

/// <summary>Kubernetes manifests a service keeps by hand (deploy/, k8s/) are checked on every build; no container tools needed.</summary>
public class KubernetesManifestCheckTests
{
    private const string Digest = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

    [Fact]
    public void Hand_kept_manifests_are_checked_at_their_lines_and_their_look_alikes_pass()
    {
        using var ws = Workspace.Create("k8s-checks");
        ws.WriteProject("Svc", "web");
        ws.WriteFile("Svc/deploy/web.yaml", $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: svc
            spec:
              selector:
                matchLabels: {"{"} app: svc {"}"}
              template:
                metadata:
                  labels: {"{"} app: svc {"}"}
                spec:
                  containers:
                  - name: web
                    image: registry.example/svc:latest
                    ports:
                    - containerPort: 8080
                    env:
                    - name: API_TOKEN
                      value: tk-live-8f2d9c1e
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {"{"} name: svc, key: password {"}"}
                    securityContext:
                      runAsUser: 0
                    volumeMounts:
                    - name: data
                      mountPath: /data
                  volumes:
                  - name: data
                    hostPath:
                      path: /srv/svc
            """);
        ws.WriteFile("Svc/k8s/job.yaml", $"""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                spec:
                  restartPolicy: Never
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: migrate
                    image: registry.example/svc-admin:1.4@{Digest}
                    args: [migrate]
            """);

        var result = ws.Build("Svc");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Equal(
            new[] { "TF0303 web.yaml:19 error", "TF0504 web.yaml:14 warning", "TF0602 web.yaml:30 warning", "TF0901 web.yaml:24 error", "TF0903 web.yaml:15 warning" },
            result.Findings.Select(f => $"{f.Code} {f.FileName}:{f.Line} {f.Severity}").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("tk-live-8f2d9c1e", result.Output);

        var silenced = ws.Build("Svc", "-p:NoWarn=TF0303%3BTF0901%3BTF0504%3BTF0602%3BTF0903");
        Assert.True(silenced.Succeeded, silenced.ToString());
        Assert.Empty(silenced.Findings);
    }
}
