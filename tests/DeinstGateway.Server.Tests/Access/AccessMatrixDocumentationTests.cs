using DeinstGateway.Core.Access;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>The README shows the matrix the gateway enforces.</summary>
public sealed class AccessMatrixDocumentationTests
{
    private const string Start = "<!-- access-matrix:start -->";
    private const string End = "<!-- access-matrix:end -->";

    [Fact]
    public void Readme_AccessMatrixSection_IsTheRenderedMatrix()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var from = readme.IndexOf(Start, StringComparison.Ordinal);
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md needs the markers {Start} and {End}.");

        var documented = readme[(from + Start.Length)..to].Trim('\n') + "\n";

        Assert.True(AccessMatrixTable.Render() == documented,
            "README.md's access matrix differs from the code; paste this between the markers:\n" + AccessMatrixTable.Render());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "DeinstGateway.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The tests run outside the repository.");
        }

        return folder.FullName;
    }
}
