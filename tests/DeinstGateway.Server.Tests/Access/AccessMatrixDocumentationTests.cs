using DeinstGateway.Core.Access;
using Google.Protobuf.Reflection;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>The README shows the matrix the gateway enforces, and the matrix names exactly the contracts' methods.</summary>
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

    [Fact]
    public void Matrix_NamesEveryMethodOfTheContracts_AndNoOther()
    {
        var contracts = new[]
            {
                Deinst.V1.RegistryReflection.Descriptor, Deinst.V1.TransfersReflection.Descriptor, Deinst.V1.CapacityReflection.Descriptor,
                Deinst.V1.SupportPlansReflection.Descriptor, Deinst.V1.ServiceRecordsReflection.Descriptor, Deinst.V1.AuditReflection.Descriptor,
            }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(FullMethod)
            .Order(StringComparer.Ordinal);

        Assert.Equal(contracts, AccessMatrix.Methods.Order(StringComparer.Ordinal));
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

    private static string FullMethod(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";
}
