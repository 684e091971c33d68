using System.Text;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Access;

/// <summary>The access matrix as the Markdown table the README shows; a test keeps the two equal.</summary>
public static class AccessMatrixTable
{
    private static readonly (InstitutionKind Kind, string Heading)[] Columns =
    [
        (InstitutionKind.Ministry, "Ministry"),
        (InstitutionKind.PlanningRegion, "Planning region"),
        (InstitutionKind.Municipality, "Municipality"),
        (InstitutionKind.StateCareCentre, "State care centre"),
        (InstitutionKind.CareCentreBranch, "Care-centre branch"),
        (InstitutionKind.ChildCareInstitution, "Child-care institution"),
        (InstitutionKind.ServiceProvider, "Service provider"),
        (InstitutionKind.Agency, "Agency"),
    ];

    public static string Render()
    {
        var table = new StringBuilder();
        table.Append("| Call | ").AppendJoin(" | ", Columns.Select(c => c.Heading)).Append(" |\n");
        table.Append("|---|").AppendJoin("", Columns.Select(_ => "---|")).Append('\n');
        foreach (var method in AccessMatrix.Methods)
        {
            table.Append("| `").Append(Rpcs.DisplayName(method)).Append("` | ")
                .AppendJoin(" | ", Columns.Select(c => Cell(AccessMatrix.Find(method, c.Kind))))
                .Append(" |\n");
        }

        return table.ToString();
    }

    private static string Cell(AccessRule? rule) => rule is null
        ? "—"
        : string.Join(" · ", new[] { Scope(rule.Scope), Fields(rule.Fields), string.Join(", ", rule.Purposes) }.Where(s => s.Length > 0));

    private static string Scope(AccessScope scope) => scope switch
    {
        AccessScope.OwnRecords => "own",
        AccessScope.OwnBranches => "own + branches",
        AccessScope.OwnMunicipality => "own municipality",
        AccessScope.OwnRegion => "own region",
        AccessScope.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    private static string Fields(ReturnedFields fields) => fields switch
    {
        ReturnedFields.ReferenceData => "reference data",
        ReturnedFields.Aggregates => "counts",
        ReturnedFields.AuditVerdict => "verdict",
        ReturnedFields.Pseudonymised => "by client id",
        ReturnedFields.AccessLogEntries => "access log",
        ReturnedFields.Identified => "identified",
        _ => throw new ArgumentOutOfRangeException(nameof(fields), fields, null),
    };
}
