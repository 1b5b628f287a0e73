using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Hosting;

/// <summary>
/// No Docker engine runs here, so the image cannot be built in CI. The published-app tests run the very command the
/// Dockerfile and the README use; these checks keep the three from drifting apart.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void The_Dockerfile_the_README_and_the_tests_publish_with_the_same_command()
    {
        var command = "dotnet " + PublishedApp.PublishArguments;

        Assert.Contains($"RUN {command} /app", Dockerfile);
        Assert.Contains($"`{command} /app`", Readme);
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime")]
    [InlineData("USER ocm")]
    [InlineData("VOLUME [\"/data\"]")]
    [InlineData("EXPOSE 8080")]
    [InlineData("HEALTHCHECK")]
    [InlineData("http://127.0.0.1:8080/health")]
    [InlineData("Data__Directory=/data")]
    public void The_Dockerfile_runs_as_a_non_root_user_with_a_data_volume_and_a_health_check(string line) =>
        Assert.Contains(line, Dockerfile);
}
